package io.diffmix.schedules;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;

/**
 * Equal steps in the log signal-to-noise ratio λ = ln(α/σ) = −½ ln t_VE (Lu et al. 2022, DPM-Solver's
 * "logSNR" spacing), between VE times t_max and t1. In VE time this is a geometric grid.
 */
public final class LogSnrGrid implements TimeGrid {
  /** The {@code log-snr} factory. */
  public static final GridFactory<GridEnds> FACTORY = GridEnds.factory("log-snr",
      "equal steps in log-SNR lambda = ln(alpha/sigma), between VE times t_max and t1", LogSnrGrid::new);

  private final GridEnds ends;

  public LogSnrGrid(GridEnds ends) {
    this.ends = ends;
  }

  @Override
  public double[] times(Schedule schedule, DataMoments moments) {
    VeWindow w = ends.window(schedule, moments);
    double lambdaTop = -0.5 * Math.log(w.top());
    double lambdaBottom = -0.5 * Math.log(w.bottom());
    int n = ends.steps();
    double[] t = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      double lambda = lambdaTop + (lambdaBottom - lambdaTop) * i / n;
      t[i] = VeWindow.time(schedule, Math.exp(-2 * lambda));
    }
    t[0] = VeWindow.time(schedule, w.top());
    t[n] = VeWindow.time(schedule, w.bottom());
    return t;
  }
}

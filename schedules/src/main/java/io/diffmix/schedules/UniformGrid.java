package io.diffmix.schedules;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;

/**
 * Equal steps in the schedule's own time t between the times of VE time t_max and t1: t_i = t_N + (t_0 − t_N)
 * (1 − i/N). Equal steps mean different things under different schedules (equal steps in τ under vp, in t_VE
 * under ve), which is why the grid family is separate from the schedule family.
 */
public final class UniformGrid implements TimeGrid {
  /** The {@code uniform} factory. */
  public static final GridFactory<GridEnds> FACTORY = GridEnds.factory("uniform",
      "equal steps in the schedule's own time, between the times of VE time t_max and t1", UniformGrid::new);

  private final GridEnds ends;

  public UniformGrid(GridEnds ends) {
    this.ends = ends;
  }

  @Override
  public double[] times(Schedule schedule, DataMoments moments) {
    VeWindow w = ends.window(schedule, moments);
    double hi = VeWindow.time(schedule, w.top());
    double lo = VeWindow.time(schedule, w.bottom());
    int n = ends.steps();
    double[] t = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      t[i] = hi + (lo - hi) * i / n;
    }
    t[0] = hi;
    t[n] = lo;
    return t;
  }
}

package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.util.List;

/**
 * Karras et al. (2022), eq. 5, in the noise level σ_VE = σ/α = √t_VE:
 * <pre>  σ_i = (σ_max^{1/ρ} + i/N·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ,   i = 0 … N</pre>
 * with ρ = 7. EDM appends σ_N = 0; here the grid ends at σ_min, since every grid ends at a positive time
 * (the score of the data itself is not needed).
 */
public final class KarrasGrid implements TimeGrid {
  /** The {@code karras} factory. */
  public static final GridFactory<Config> FACTORY = new GridFactory.Of<>("karras",
      "Karras et al. (EDM) eq. 5: equal steps in sigma^(1/rho), sigma = sqrt(VE time), from sigma_max to sigma_min",
      List.of(
          Param.integer("steps", 200, "number of steps (times - 1)").atLeast(1).atMost(1_000_000),
          Param.real("sigma_min", 0.002, "last noise level sigma/alpha").greaterThan(0),
          Param.real("sigma_max", 80, "first noise level sigma/alpha").greaterThan(0),
          Param.real("rho", 7, "exponent rho; larger puts more steps near sigma_min").greaterThan(0).atMost(1000)),
      KarrasGrid::configure, KarrasGrid::new);

  private final Config config;

  /**
   * @param steps N
   * @param sigmaMin σ_min, the last noise level
   * @param sigmaMax σ_max, the first
   * @param rho ρ
   */
  public record Config(int steps, double sigmaMin, double sigmaMax, double rho) {}

  public KarrasGrid(Config config) {
    this.config = config;
  }

  @Override
  public double[] times(Schedule schedule, DataMoments moments) {
    VeWindow w = VeWindow.of(schedule, config.sigmaMax() * config.sigmaMax(),
        config.sigmaMin() * config.sigmaMin());
    double inv = 1 / config.rho();
    double hi = Math.pow(Math.sqrt(w.top()), inv);
    double lo = Math.pow(Math.sqrt(w.bottom()), inv);
    int n = config.steps();
    double[] t = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      double sigma = Math.pow(hi + (lo - hi) * i / n, config.rho());
      t[i] = VeWindow.time(schedule, sigma * sigma);
    }
    t[0] = VeWindow.time(schedule, w.top());
    t[n] = VeWindow.time(schedule, w.bottom());
    return t;
  }

  private static Config configure(Params p) {
    if (p.real("sigma_max") <= p.real("sigma_min")) {
      throw p.error("sigma_max", p.real("sigma_max") + " is not above sigma_min = " + p.real("sigma_min")
          + "; valid: > sigma_min");
    }
    return new Config(p.integer("steps"), p.real("sigma_min"), p.real("sigma_max"), p.real("rho"));
  }
}

package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.ScheduleFactory;
import java.util.List;

/**
 * The Ornstein–Uhlenbeck process dx = −x dt + √2 dW of the paper's Section 3.1: α = e^{−t}, σ² = 1 − e^{−2t}.
 *
 * <p>Its VE-equivalent time is σ²/α² = e^{2t} − 1, so t = ½ ln(t_VE + 1) is the paper's VP time τ, and
 * x_τ = e^{−τ} y_{e^{2τ}−1} (docs/algorithm.md §1).
 */
public final class VpSchedule implements Schedule {
  /** The {@code vp} factory; e^{2·20} − 1 ≈ 2e17 is far above any grid's top VE time, and still finite. */
  public static final ScheduleFactory<Config> FACTORY = new ScheduleFactory.Of<>("vp",
      "Ornstein-Uhlenbeck dx = -x dt + sqrt(2) dW: alpha = e^-t, sigma^2 = 1 - e^-2t (paper Sec. 3.1)",
      List.of(Param.real("t_max", 20, "top of the natural time range").greaterThan(0).atMost(300)),
      p -> new Config(p.real("t_max")), c -> new VpSchedule(c.tMax()));

  /** @param tMax the top of the natural range */
  public record Config(double tMax) {}

  private final double tMax;

  /** @param tMax the top of the natural range; e^{2 tMax} − 1 is its largest VE time */
  public VpSchedule(double tMax) {
    this.tMax = tMax;
  }

  @Override
  public double alpha(double t) {
    return Math.exp(-t);
  }

  @Override
  public double sigma(double t) {
    return Math.sqrt(-Math.expm1(-2 * t));
  }

  @Override
  public double dLogAlpha(double t) {
    return -1;
  }

  /** d(1 − e^{−2t})/dt = 2e^{−2t}. */
  @Override
  public double dSigma2(double t) {
    return 2 * Math.exp(-2 * t);
  }

  @Override
  public double tMin() {
    return 0;
  }

  @Override
  public double tMax() {
    return tMax;
  }

  @Override
  public double veTime(double t) {
    return Math.expm1(2 * t);
  }

  @Override
  public double timeOfVe(double tVe) {
    return 0.5 * Math.log1p(tVe);
  }
}

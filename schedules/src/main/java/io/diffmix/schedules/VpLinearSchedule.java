package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.ScheduleFactory;
import java.util.List;

/**
 * DDPM's linear schedule in continuous time (Ho et al. 2020; Song et al. 2021, VP SDE): on t ∈ [0, 1],
 * β(t) = β_min + (β_max − β_min)·t and dx = −½β x dt + √β dW, so
 * <pre>  log α(t) = −½ B(t),  B(t) = β_min t + ½(β_max − β_min) t²,  σ² = 1 − α²</pre>
 * and the VE-equivalent time is σ²/α² = e^{B(t)} − 1.
 */
public final class VpLinearSchedule implements Schedule {
  /** The {@code vp-linear} factory. */
  public static final ScheduleFactory<Config> FACTORY = new ScheduleFactory.Of<>("vp-linear",
      "DDPM's linear beta schedule in continuous time on [0, 1]: beta from beta_min to beta_max",
      List.of(
          Param.real("beta_min", 0.1, "beta at t = 0").greaterThan(0).atMost(1000),
          Param.real("beta_max", 20, "beta at t = 1").greaterThan(0).atMost(1000)),
      VpLinearSchedule::configure, c -> new VpLinearSchedule(c.betaMin(), c.betaMax()));

  /**
   * @param betaMin β at t = 0
   * @param betaMax β at t = 1
   */
  public record Config(double betaMin, double betaMax) {}

  private final double betaMin;
  private final double betaMax;

  public VpLinearSchedule(double betaMin, double betaMax) {
    this.betaMin = betaMin;
    this.betaMax = betaMax;
  }

  /** B(t) = ∫_0^t β. */
  private double integral(double t) {
    return betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
  }

  @Override
  public double alpha(double t) {
    return Math.exp(-0.5 * integral(t));
  }

  @Override
  public double sigma(double t) {
    return Math.sqrt(-Math.expm1(-integral(t)));
  }

  /** d log α/dt = −½ β(t). */
  @Override
  public double dLogAlpha(double t) {
    return -0.5 * (betaMin + (betaMax - betaMin) * t);
  }

  /** dσ²/dt = −dα²/dt = α² β(t). */
  @Override
  public double dSigma2(double t) {
    return Math.exp(-integral(t)) * (betaMin + (betaMax - betaMin) * t);
  }

  @Override
  public double tMin() {
    return 0;
  }

  @Override
  public double tMax() {
    return 1;
  }

  @Override
  public double veTime(double t) {
    return Math.expm1(integral(t));
  }

  /**
   * Solves ½Δ t² + β_min t = B with B = ln(1 + t_VE), Δ = β_max − β_min, in the cancellation-free form
   * t = 2B / (β_min + √(β_min² + 2ΔB)).
   */
  @Override
  public double timeOfVe(double tVe) {
    double b = Math.log1p(tVe);
    double delta = betaMax - betaMin;
    return 2 * b / (betaMin + Math.sqrt(betaMin * betaMin + 2 * delta * b));
  }

  private static Config configure(Params p) {
    if (p.real("beta_max") < p.real("beta_min")) {
      throw p.error("beta_max", p.real("beta_max") + " is below beta_min = " + p.real("beta_min")
          + "; valid: >= beta_min");
    }
    return new Config(p.real("beta_min"), p.real("beta_max"));
  }
}

package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.ScheduleFactory;
import java.util.List;

/**
 * The cosine schedule of Nichol and Dhariwal (2021), eq. 17, in continuous time t ∈ [0, 1]:
 * <pre>  ᾱ(t) = α(t)² = f(t)/f(0),  f(t) = cos²(φ(t)),  φ(t) = (t + s)/(1 + s)·π/2,  σ² = 1 − ᾱ</pre>
 * with the offset s = 0.008. Its rate β(t) = −d ln ᾱ/dt = π/(1 + s)·tan φ(t) diverges at t = 1, where
 * ᾱ = 0; Nichol and Dhariwal clip the discrete β_t at 0.999 "to prevent singularities near t = T". With
 * 1000 steps that is β ≤ 999 in continuous time (as DPM-Solver's continuous cosine schedule does), so the
 * natural range ends where β(t) = β_max: t_max = 2(1 + s)/π·atan(β_max(1 + s)/π) − s ≈ 0.998.
 */
public final class VpCosineSchedule implements Schedule {
  /** The {@code vp-cosine} factory. */
  public static final ScheduleFactory<Config> FACTORY = new ScheduleFactory.Of<>("vp-cosine",
      "Nichol and Dhariwal's cosine schedule on [0, 1], its range clipped where beta reaches beta_max",
      List.of(
          Param.real("s", 0.008, "offset s of phi(t) = (t + s)/(1 + s) pi/2").greaterThan(0).atMost(1),
          Param.real("beta_max", 999, "clip: the range ends where beta(t) reaches this (0.999 per step of 1/1000)")
              .greaterThan(1).atMost(1e6)),
      p -> new Config(p.real("s"), p.real("beta_max")), c -> new VpCosineSchedule(c.s(), c.betaMax()));

  /**
   * @param s the offset s
   * @param betaMax β_max, where the range ends
   */
  public record Config(double s, double betaMax) {}

  private final double s;
  private final double tMax;
  private final double cos0;
  private final double sin0;

  public VpCosineSchedule(double s, double betaMax) {
    this.s = s;
    double phi0 = s / (1 + s) * Math.PI / 2;
    this.cos0 = Math.cos(phi0);
    this.sin0 = Math.sin(phi0);
    this.tMax = 2 * (1 + s) / Math.PI * Math.atan(betaMax * (1 + s) / Math.PI) - s;
  }

  private double phi(double t) {
    return (t + s) / (1 + s) * Math.PI / 2;
  }

  /** sin(φ − φ0)·sin(φ + φ0) = cos²φ0 − cos²φ, with φ − φ0 = t/(1 + s)·π/2 formed without a difference. */
  private double cosSquareGap(double t) {
    return Math.sin(t / (1 + s) * Math.PI / 2) * Math.sin((t + 2 * s) / (1 + s) * Math.PI / 2);
  }

  @Override
  public double alpha(double t) {
    return Math.cos(phi(t)) / cos0;
  }

  /** σ² = (cos²φ0 − cos²φ)/cos²φ0 = sin(φ − φ0)·sin(φ + φ0)/cos²φ0, free of cancellation near t = 0. */
  @Override
  public double sigma(double t) {
    return Math.sqrt(Math.max(0, cosSquareGap(t))) / cos0;
  }

  /** d ln α/dt = −tan φ · π/(2(1 + s)), that is −β/2. */
  @Override
  public double dLogAlpha(double t) {
    return -Math.tan(phi(t)) * Math.PI / (2 * (1 + s));
  }

  /** dσ²/dt = −dα²/dt = −2α² d ln α/dt. */
  @Override
  public double dSigma2(double t) {
    double a = alpha(t);
    return -2 * a * a * dLogAlpha(t);
  }

  @Override
  public double tMin() {
    return 0;
  }

  @Override
  public double tMax() {
    return tMax;
  }

  /** σ²/α² = sin(φ − φ0)·sin(φ + φ0)/cos²φ. */
  @Override
  public double veTime(double t) {
    double c = Math.cos(phi(t));
    return Math.max(0, cosSquareGap(t)) / (c * c);
  }

  /**
   * From cos φ = cos φ0/√(1 + v) and sin φ = √(v + sin²φ0)/√(1 + v): the angle φ − φ0 = atan2 of
   * sin(φ − φ0) ∝ cos φ0·v/(√(v + sin²φ0) + sin φ0) and cos(φ − φ0) ∝ cos²φ0 + sin φ0·√(v + sin²φ0), which
   * keeps full relative precision as v → 0.
   */
  @Override
  public double timeOfVe(double tVe) {
    double r = Math.sqrt(tVe + sin0 * sin0);
    double dPhi = Math.atan2(cos0 * tVe / (r + sin0), cos0 * cos0 + sin0 * r);
    return dPhi * 2 * (1 + s) / Math.PI;
  }
}

package io.diffmix.core.sampling;

import io.diffmix.core.spi.Schedule;

/**
 * The forward SDE dx = f(t)·x dt + g(t) dW whose marginals are those of α(t)X_0 + σ(t)Z (Song et al. 2021,
 * eq. 5): the drift coefficient f = d ln α/dt and, since the variance obeys dσ²/dt = 2fσ² + g², the diffusion
 * coefficient g² = dσ²/dt − 2fσ². VE: f = 0, g² = 1; VP (OU): f = −1, g² = 2.
 *
 * <p>For plugin authors: a reverse-time sampler in the schedule's own time needs exactly these two numbers.
 */
public final class ForwardSde {
  private ForwardSde() {}

  /** The drift coefficient f(t) = d ln α/dt: the forward drift at x is f(t)·x. */
  public static double drift(Schedule schedule, double t) {
    return schedule.dLogAlpha(t);
  }

  /** The squared diffusion coefficient g(t)², clamped at 0 against round-off so that √(g² h) is never NaN. */
  public static double diffusionSquared(Schedule schedule, double t) {
    double sigma = schedule.sigma(t);
    return Math.max(0, schedule.dSigma2(t) - 2 * schedule.dLogAlpha(t) * sigma * sigma);
  }
}

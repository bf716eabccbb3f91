package io.diffmix.samplers;

import io.diffmix.core.spi.Schedule;

/**
 * The forward SDE dx = f(t)·x dt + g(t) dW whose marginals are those of α(t)X_0 + σ(t)Z (Song et al. 2021):
 * f = d ln α/dt, and since the variance obeys dσ²/dt = 2fσ² + g², g² = dσ²/dt − 2fσ². VE: f = 0, g² = 1;
 * VP (OU): f = −1, g² = 2.
 */
final class ForwardSde {
  private ForwardSde() {}

  static double f(Schedule s, double t) {
    return s.dLogAlpha(t);
  }

  /** g²(t), clamped at 0 against round-off so that √(g² h) is never NaN. */
  static double g2(Schedule s, double t) {
    double sigma = s.sigma(t);
    return Math.max(0, s.dSigma2(t) - 2 * s.dLogAlpha(t) * sigma * sigma);
  }
}

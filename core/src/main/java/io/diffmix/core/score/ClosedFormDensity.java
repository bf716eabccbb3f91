package io.diffmix.core.score;

/**
 * An optional capability of a {@link ScoreModel} whose law is known in closed form, such as a fitted Gaussian
 * mixture: its own log-density at any time. {@code model-likelihood} reports it beside the probability-flow
 * likelihood, so that a closed-form baseline and a diffusion learner meet on the same held-out points.
 */
public interface ClosedFormDensity {

  int dim();

  /**
   * log p̂_t at rows [from, to) of x into {@code out[from .. to)}, for the law of α X_0 + σ Z given by its VE
   * time σ²/α² and α (the convention of {@link io.diffmix.core.spi.TrueDistribution#logDensity}).
   */
  void logDensity(double tVe, double alpha, double[] x, int from, int to, double[] out);
}

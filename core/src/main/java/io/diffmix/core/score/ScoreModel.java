package io.diffmix.core.score;

/**
 * A score ∇ log p_t, evaluated on a batch of points. The learners' output and the samplers' input.
 *
 * <p>Every schedule's marginal is a scaled VE marginal: if X_t = α X_0 + σ Z, then X_t / α = X_0 + √t_VE Z with
 * the VE-equivalent time t_VE = σ²/α². So a model is asked at (t_VE, α) and answers
 * ŝ(x) = ŝ_VE(x/α)/α (README, "Plugins and their parameters"). A sampler converts its own time with
 * {@link Scores#evaluate}.
 *
 * <p>Implementations are safe to share between threads: they keep no mutable scratch in fields, and they
 * allocate nothing per point (a per-call scratch array is fine).
 *
 * <pre>{@code
 * double[] out = new double[rows * model.dim()];
 * model.score(tVe, alpha, x, 0, rows, out);   // out[i*dim + j] = ∂_j log p_t(x_i)
 * }</pre>
 */
public interface ScoreModel {

  /** The dimension n of the points. */
  int dim();

  /**
   * Writes the score at rows [from, to) of {@code x} into the same rows of {@code out}.
   *
   * @param tVe the VE-equivalent time σ²/α², ≥ 0
   * @param alpha the signal scale α of the schedule at that time, > 0 (1 for VE)
   * @param x points, flat and row-major
   * @param from first row
   * @param to one past the last row
   * @param out the score, same layout as {@code x}
   */
  void score(double tVe, double alpha, double[] x, int from, int to, double[] out);
}

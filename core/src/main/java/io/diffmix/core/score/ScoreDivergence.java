package io.diffmix.core.score;

/**
 * An optional capability of a {@link ScoreModel}: the divergence ∇·ŝ of its score, exactly, together with the
 * score. The {@code model-likelihood} metric needs it to carry the log-density along the probability-flow ODE
 * (d log p = −∇·v dt); a model without it is refused there, never approximated by a trace estimator.
 *
 * <p>The same time convention as {@link ScoreModel#score}: with y = x/α and the VE-equivalent model ŝ_VE,
 * ŝ(x) = ŝ_VE(y)/α, so ∇_x·ŝ(x) = (∇_y·ŝ_VE)(y)/α². Where a model is only piecewise smooth (a cell boundary, a
 * clip), the divergence is that of the piece the point lies in.
 *
 * <pre>{@code
 * if (model instanceof ScoreDivergence d) {
 *   d.scoreAndDivergence(tVe, alpha, x, rows, score, div);   // div[i] = Σ_j ∂_j ŝ_j(x_i)
 * }
 * }</pre>
 */
public interface ScoreDivergence extends ScoreModel {

  /**
   * Writes the score at rows [0, rows) of {@code x} into the same rows of {@code out}, as {@link #score} does,
   * and the divergence at row i into {@code div[i]}.
   *
   * @param div at least {@code rows} entries
   */
  void scoreAndDivergence(double tVe, double alpha, double[] x, int rows, double[] out, double[] div);

  /**
   * The VE times where the score is continuous but not smooth in time, such as the fitted levels of a model
   * interpolated between them; an ODE through the model ends a step on each. Empty (the default) for a model
   * smooth in time.
   */
  default double[] timeKnots() {
    return new double[0];
  }

  /**
   * False for a model whose score jumps across surfaces in space, such as the paper learner's Voronoi cells. The
   * flow's Jacobian then has a singular part on each surface, ln((v_after·ν)/(v_before·ν)) for a crossing of
   * normal ν, which the divergence inside the pieces does not carry: the density the ODE gives is not
   * normalized, its kl is not a KL, and {@code model-likelihood} withholds the Pinsker bound for it. True (the
   * default) for a model continuous in space.
   */
  default boolean continuousInSpace() {
    return true;
  }
}

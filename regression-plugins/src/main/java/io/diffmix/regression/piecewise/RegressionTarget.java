package io.diffmix.regression.piecewise;

import java.util.Arrays;

/**
 * What a cell's polynomial is fitted to. Both have the posterior mean as the final model; they differ only
 * through the ridge, which shrinks a different function towards zero.
 */
public enum RegressionTarget {
  /**
   * The paper's (1 − s²/t) y + (s²/t) x with s² = σ0² + t (docs/algorithm.md §2, step 3.3): its mean given y is
   * E[μ | y], so the fitted polynomial is the posterior mean itself.
   */
  POSTERIOR_MEAN("posterior-mean", "posterior mean: (1 - s^2/t) y + (s^2/t) x"),
  /** The noise −ξ/√t, whose mean given y is the VE score; the coefficients are mapped to the posterior mean. */
  NOISE("noise", "noise: -xi/sqrt(t), mapped to the posterior mean");

  /** The config's word for it. */
  final String key;
  /** The learner summary's description. */
  final String description;

  RegressionTarget(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The target a config names; the factory has checked it is one of {@link #keys}. */
  static RegressionTarget of(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst().orElseThrow();
  }

  static String[] keys() {
    return Arrays.stream(values()).map(t -> t.key).toArray(String[]::new);
  }

  /**
   * Turns a cell's solved coefficients into those of the posterior mean, in place. For {@link #NOISE} that is
   * ĝ(y) = y + s²ĥ(y): y = μ̂_j + s·z, and z_c = h_{e_c}(z) is a basis function of degree 1, so the identity
   * folds into the constant and linear coefficients (features 1..n are h_1(z_1)..h_1(z_n) in the graded order).
   *
   * @param coef p × n, row-major
   * @param centre the cell's warm start μ̂_j
   * @param s the level's s = √(σ0² + t), and s2 its square
   */
  void toPosteriorMean(double[] coef, double[] centre, int degree, double s, double s2) {
    if (this == POSTERIOR_MEAN) {
      return;
    }
    int n = centre.length;
    for (int e = 0; e < coef.length; e++) {
      coef[e] *= s2;
    }
    for (int c = 0; c < n; c++) {
      coef[c] += centre[c];
    }
    if (degree >= 1) {
      for (int c = 0; c < n; c++) {
        coef[(1 + c) * n + c] += s;
      }
    }
  }
}

package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.score.ScoreDivergence;

/**
 * Checks a {@link ScoreDivergence} against central finite differences of its own score.
 *
 * <p>The step is h = ε^{1/3}·scale, with scale the length over which the score varies (α·√(σ0² + t) for a
 * noised law), which balances the truncation error O(h²) against the round-off O(ε/h) (Nocedal and Wright,
 * §8.1). The tolerance is derived from the step, not chosen: D_h − D_{h/2} estimates three times the truncation
 * error of D_{h/2} (its leading term is c·h²), and the round-off of the n difference quotients is at most
 * n·η/h, with η the score's own evaluation noise. η is measured, as Moré and Wild (2011) estimate
 * computational noise: second differences s(x + δe_c) − 2s(x) + s(x − δe_c) at δ = 10⁻⁸·scale, whose
 * smooth part δ²s'' is far below round-off, each bounded by 4η; it is floored at K·ε·S, with K = 64 ulps and S
 * the size of the terms a score (E[μ|y] − y)/s² cancels, max|ŝ| + 2|x|∞/scale². A point passes when
 * |div − D_{h/2}| ≤ |D_h − D_{h/2}| + 2·n·η/(h/2).
 */
public final class DivergenceCheck {
  private static final double EPS = Math.ulp(1.0);
  private static final double ULPS = 64;

  private DivergenceCheck() {}

  /**
   * Asserts the check at every row of x; returns how many rows had a tolerance below {@code 1e-6/scale²}, the
   * rows where the check has teeth (a row whose differences straddle a kink of a piecewise model has a wide one).
   */
  public static int assertMatches(ScoreDivergence model, double tVe, double alpha, double[] x, int rows,
      double scale) {
    int n = model.dim();
    double[] score = new double[rows * n];
    double[] div = new double[rows];
    model.scoreAndDivergence(tVe, alpha, x, rows, score, div);
    double[] plain = new double[rows * n];
    model.score(tVe, alpha, x, 0, rows, plain);
    assertThat(score).as("scoreAndDivergence's score at t_VE = %s", tVe).containsExactly(plain);
    double h = Math.cbrt(EPS) * scale;
    int tight = 0;
    double[] p = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < rows; i++) {
      double[] big = difference(model, tVe, alpha, x, i, h, p, s);
      double[] small = difference(model, tVe, alpha, x, i, h / 2, p, s);
      double xMax = 0;
      for (int c = 0; c < n; c++) {
        xMax = Math.max(xMax, Math.abs(x[i * n + c]));
      }
      double terms = Math.max(big[1], small[1]) + 2 * xMax / (scale * scale);
      double eta = Math.max(ULPS * EPS * terms, noise(model, tVe, alpha, x, i, 1e-8 * scale, p, s));
      double roundOff = n * eta / (h / 2);
      double tol = Math.abs(big[0] - small[0]) + 2 * roundOff;
      assertThat(Math.abs(div[i] - small[0]))
          .as("divergence at row %d, t_VE = %s, alpha = %s: exact %s, finite differences %s (h = %s)", i, tVe,
              alpha, div[i], small[0], h / 2)
          .isLessThanOrEqualTo(tol);
      if (tol <= 1e-6 / (scale * scale)) {
        tight++;
      }
    }
    return tight;
  }

  /** The largest second difference of the score at row i with steps δ, 2δ and 3δ along each coordinate. */
  private static double noise(ScoreDivergence model, double tVe, double alpha, double[] x, int i, double delta,
      double[] p, double[] s) {
    int n = model.dim();
    double[] ci = new double[n];
    System.arraycopy(x, i * n, p, 0, n);
    model.score(tVe, alpha, p, 0, 1, ci);
    double worst = 0;
    double[] plus = new double[n];
    for (int c = 0; c < n; c++) {
      for (int k = 1; k <= 3; k++) {
        System.arraycopy(x, i * n, p, 0, n);
        p[c] += k * delta;
        model.score(tVe, alpha, p, 0, 1, plus);
        System.arraycopy(x, i * n, p, 0, n);
        p[c] -= k * delta;
        model.score(tVe, alpha, p, 0, 1, s);
        for (int d = 0; d < n; d++) {
          worst = Math.max(worst, Math.abs(plus[d] - 2 * ci[d] + s[d]) / 4);
        }
      }
    }
    return worst;
  }

  /** Σ_c [ŝ_c(x + h e_c) − ŝ_c(x − h e_c)]/(2h) at row i, with the rounded step, and the largest |ŝ| seen. */
  private static double[] difference(ScoreDivergence model, double tVe, double alpha, double[] x, int i, double h,
      double[] p, double[] s) {
    int n = model.dim();
    double sum = 0;
    double max = 0;
    for (int c = 0; c < n; c++) {
      double side = 0;
      double width = 0;
      for (int sign = -1; sign <= 1; sign += 2) {
        System.arraycopy(x, i * n, p, 0, n);
        p[c] += sign * h;
        // the step actually taken, after rounding x + h
        width += sign * p[c];
        model.score(tVe, alpha, p, 0, 1, s);
        side += sign * s[c];
        for (double v : s) {
          max = Math.max(max, Math.abs(v));
        }
      }
      sum += side / width;
    }
    return new double[] {sum, max};
  }
}

package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ridge solve's fallbacks on Grams that Cholesky cannot take. */
class RidgeSolverTest {

  /** The upper triangle of BᵀB for the rows of b (m × p). */
  private static double[] gram(double[][] b) {
    int p = b[0].length;
    double[] g = new double[p * p];
    for (double[] row : b) {
      for (int i = 0; i < p; i++) {
        for (int j = i; j < p; j++) {
          g[i * p + j] += row[i] * row[j];
        }
      }
    }
    return g;
  }

  @Test
  void aWellConditionedGramTakesCholesky() {
    double[] g = {4, 1, 0, 3};
    double[] rhs = {1, 2};
    assertThat(RidgeSolver.solve(g, 2, rhs, 1, 0)).isEqualTo(RidgeSolver.Method.CHOLESKY);
    // (4 1; 1 3) x = (1, 2): x = (1/11, 7/11)
    assertThat(rhs[0]).isCloseTo(1.0 / 11, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(rhs[1]).isCloseTo(7.0 / 11, org.assertj.core.data.Offset.offset(1e-15));
  }

  /**
   * Two identical columns and no ridge: G is singular, the first pivots pass and the last is 0, so plain
   * Cholesky fails and the jitter takes over. The solution is finite and, being a ridge solution, splits the
   * weight equally between the identical columns: x1 = x2, with G x ≈ r in the range of G.
   */
  @Test
  void aSingularGramFallsBackToJitterAndStaysFinite() {
    double[][] rows = {{1, 1, 2}, {2, 2, 0}, {0, 0, 1}, {1, 1, 1}};
    int p = 3;
    double[] g = gram(rows);
    // r = Gᵀ y for y = (1, 2, 3, 4): consistent, so an exact solution exists
    double[] y = {1, 2, 3, 4};
    double[] rhs = new double[p];
    for (int r = 0; r < rows.length; r++) {
      for (int i = 0; i < p; i++) {
        rhs[i] += rows[r][i] * y[r];
      }
    }
    double[] r0 = rhs.clone();
    RidgeSolver.Method m = RidgeSolver.solve(g, p, rhs, 1, 0);
    assertThat(m).isIn(RidgeSolver.Method.JITTER, RidgeSolver.Method.QR);
    assertThat(java.util.Arrays.stream(rhs).allMatch(Double::isFinite)).isTrue();
    // along the null direction (1, −1, 0) the solve is as ill-conditioned as λmax/jitter ≤ p·1e10 (the jitter is
    // 1e-10·tr(G)/p and λmax ≤ tr(G)), so round-off of ε ≈ 1.1e-16 can move x1 − x2 by up to about
    // ε·3e10·|x| ≈ 7e-6 for |x| ≈ 1
    assertThat(rhs[0]).isCloseTo(rhs[1], org.assertj.core.data.Offset.offset(1e-5));
    // the residual of the normal equations is of the order of the jitter times |x|, far below |r|
    double[] full = {g[0], g[1], g[2], g[1], g[4], g[5], g[2], g[5], g[8]};
    for (int i = 0; i < p; i++) {
      double gx = 0;
      for (int j = 0; j < p; j++) {
        gx += full[i * p + j] * rhs[j];
      }
      assertThat(Math.abs(gx - r0[i])).isLessThan(1e-6 * Math.abs(r0[0]));
    }
  }

  /** A zero Gram (a cell whose features all vanish) still gives a finite answer: zero. */
  @Test
  void aZeroGramGivesZeroNotNaN() {
    double[] g = new double[9];
    double[] rhs = new double[3];
    RidgeSolver.solve(g, 3, rhs, 1, 1e-6);
    assertThat(rhs).containsOnly(0.0);
  }
}

package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HermiteBasisTest {
  @Test
  void sizeIsTheNumberOfMonomialsOfBoundedTotalDegree() {
    assertThat(new HermiteBasis(2, 3).size()).isEqualTo(10).isEqualTo(HermiteBasis.size(2, 3));
    assertThat(new HermiteBasis(4, 3).size()).isEqualTo(35);
    assertThat(new HermiteBasis(8, 4).size()).isEqualTo(495);
    assertThat(new HermiteBasis(3, 0).size()).isEqualTo(1);
  }

  /** He_3(z)/√3! = (z³ − 3z)/√6, and the constant and linear functions come first. */
  @Test
  void valuesAreNormalisedProbabilistsHermitePolynomials() {
    HermiteBasis b = new HermiteBasis(1, 4);
    double[] out = new double[5];
    double z = 0.7;
    b.evaluate(new double[] {z}, 0, b.scratch(), out, 0);
    assertThat(out[0]).isEqualTo(1.0);
    assertThat(out[1]).isCloseTo(z, within(1e-15));
    assertThat(out[2]).isCloseTo((z * z - 1) / Math.sqrt(2), within(1e-15));
    assertThat(out[3]).isCloseTo((z * z * z - 3 * z) / Math.sqrt(6), within(1e-15));
    assertThat(out[4]).isCloseTo((Math.pow(z, 4) - 6 * z * z + 3) / Math.sqrt(24), within(1e-14));
  }

  /**
   * Under N(0, I) the basis is orthonormal: the Monte Carlo Gram of 400,000 points is the identity within
   * 6 standard errors √(E[h_a² h_b²]/N); by Cauchy–Schwarz and hypercontractivity E[h_a² h_b²] ≤ 3^{2d} = 729
   * for total degree d = 3.
   */
  @Test
  void isOrthonormalUnderTheStandardGaussian() {
    HermiteBasis b = new HermiteBasis(2, 3);
    int p = b.size();
    int n = 400_000;
    double[] g = new double[p * p];
    double[] phi = new double[p];
    double[] uni = b.scratch();
    java.util.Random r = new java.util.Random(4);
    for (int i = 0; i < n; i++) {
      b.evaluate(new double[] {r.nextGaussian(), r.nextGaussian()}, 0, uni, phi, 0);
      for (int a = 0; a < p; a++) {
        for (int c = 0; c < p; c++) {
          g[a * p + c] += phi[a] * phi[c] / n;
        }
      }
    }
    double se = Math.sqrt(27.0 * 27.0 / n);
    for (int a = 0; a < p; a++) {
      for (int c = 0; c < p; c++) {
        assertThat(g[a * p + c]).as("G[%d][%d]", a, c).isCloseTo(a == c ? 1 : 0, within(6 * se));
      }
    }
  }

  /** The batch form gives every feature of every point to the bit, for several shapes and counts. */
  @Test
  void batchEvaluationAgreesBitForBitWithOnePointAtATime() {
    java.util.Random r = new java.util.Random(11);
    int[][] shapes = {{1, 0}, {1, 5}, {2, 3}, {3, 1}, {4, 3}, {5, 4}};
    for (int[] shape : shapes) {
      HermiteBasis b = new HermiteBasis(shape[0], shape[1]);
      int n = shape[0];
      int p = b.size();
      int stride = 37;
      for (int count : new int[] {1, 7, 37}) {
        double[] z = new double[n * stride];
        for (int i = 0; i < z.length; i++) {
          z[i] = 3 * r.nextGaussian();
        }
        double[] out = new double[p * stride];
        b.evaluate(z, count, stride, new double[b.scratchSize() * stride], out);
        double[] point = new double[n];
        double[] one = new double[p];
        for (int k = 0; k < count; k++) {
          for (int c = 0; c < n; c++) {
            point[c] = z[c * stride + k];
          }
          b.evaluate(point, 0, b.scratch(), one, 0);
          for (int f = 0; f < p; f++) {
            assertThat(Double.doubleToRawLongBits(out[f * stride + k])).as("n %d d %d point %d feature %d", n,
                shape[1], k, f).isEqualTo(Double.doubleToRawLongBits(one[f]));
          }
        }
      }
    }
  }
  /**
   * The divergence polynomial and the Jacobian's quadratic form agree with central differences of the field
   * g_c = Σ_α b_{α,c} h_α at random points. For degree 3 a central difference errs by h²/6 · ∂³g_c exactly: with
   * h = 1e-5 that is below 1e-9 here, and rounding adds about 1e-16 · |g|/h ≈ 1e-10; 1e-7 is far above both and
   * far below a wrong term (order 1).
   */
  @Test
  void divergenceAndJacobianQuadraticAreTheFieldsOwn() {
    int n = 3;
    HermiteBasis basis = new HermiteBasis(n, 3);
    int p = basis.size();
    java.util.Random rng = new java.util.Random(4);
    double[] b = new double[p * n];
    for (int q = 0; q < b.length; q++) {
      b[q] = rng.nextGaussian();
    }
    double[] t = basis.divergence(b);
    double step = 1e-5;
    for (int trial = 0; trial < 20; trial++) {
      double[] z = new double[n];
      double[] v = new double[n];
      for (int c = 0; c < n; c++) {
        z[c] = 1.5 * rng.nextGaussian();
        v[c] = rng.nextGaussian();
      }
      double[][] jac = new double[n][n];
      for (int d = 0; d < n; d++) {
        double[] up = z.clone();
        double[] down = z.clone();
        up[d] += step;
        down[d] -= step;
        double[] gu = field(basis, b, up);
        double[] gd = field(basis, b, down);
        for (int c = 0; c < n; c++) {
          jac[c][d] = (gu[c] - gd[c]) / (2 * step);
        }
      }
      double[] features = new double[p];
      basis.evaluate(z, 0, basis.scratch(), features, 0);
      double div = 0;
      for (int a = 0; a < p; a++) {
        div += t[a] * features[a];
      }
      double trace = 0;
      double quad = 0;
      for (int c = 0; c < n; c++) {
        trace += jac[c][c];
        for (int d = 0; d < n; d++) {
          quad += v[c] * jac[c][d] * v[d];
        }
      }
      assertThat(div).isCloseTo(trace, within(1e-7));
      // one point, stride 1: features[f] and v[c] are the layouts' k = 0 entries
      assertThat(basis.jacobianQuadratic(b, features, v, 1, 0)).isCloseTo(quad, within(1e-7));
    }
  }

  private static double[] field(HermiteBasis basis, double[] b, double[] z) {
    int n = z.length;
    int p = basis.size();
    double[] features = new double[p];
    basis.evaluate(z, 0, basis.scratch(), features, 0);
    double[] g = new double[n];
    for (int a = 0; a < p; a++) {
      for (int c = 0; c < n; c++) {
        g[c] += b[a * n + c] * features[a];
      }
    }
    return g;
  }
}

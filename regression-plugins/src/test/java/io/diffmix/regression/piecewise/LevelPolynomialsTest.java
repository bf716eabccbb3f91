package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelPolynomialsTest {

  /** The nearest warm start to y, one point at a time: ties go to the lower index. */
  static int nearest(double[] centers, int n, double[] y, int yOff) {
    int best = 0;
    double bestD2 = Double.POSITIVE_INFINITY;
    for (int j = 0; j < centers.length / n; j++) {
      double d2 = 0;
      for (int c = 0; c < n; c++) {
        double diff = y[yOff + c] - centers[j * n + c];
        d2 += diff * diff;
      }
      if (d2 < bestD2) {
        bestD2 = d2;
        best = j;
      }
    }
    return best;
  }

  /**
   * The batch nearest-centre pass gives the per-point answer, ties included: duplicate centres, points on the
   * bisector of two centres (exact ties in floating point), a NaN coordinate, and an offset into the output.
   */
  @Test
  void nearestRowsAgreesWithOnePointAtATimeOnTies() {
    double[] centers = {1, 1, -1, 1, 1, 1, 0, -2};
    Random r = new Random(9);
    int rows = 300;
    double[] y = new double[rows * 2];
    for (int i = 0; i < rows; i++) {
      switch (i % 4) {
        case 0 -> { y[2 * i] = 0; y[2 * i + 1] = 3 * r.nextGaussian(); }   // on the bisector x = 0
        case 1 -> { y[2 * i] = 1; y[2 * i + 1] = 1; }                      // on the duplicated centre
        case 2 -> { y[2 * i] = Double.NaN; y[2 * i + 1] = 0; }
        default -> { y[2 * i] = 3 * r.nextGaussian(); y[2 * i + 1] = 3 * r.nextGaussian(); }
      }
    }
    int[] cell = new int[rows + 5];
    NearestWarmStart nearest = new NearestWarmStart();
    for (int from = 0; from < rows; from += 70) {
      int m = Math.min(70, rows - from);
      System.arraycopy(nearest.assign(centers, 2, y, from, m), 0, cell, from + 5, m);
    }
    for (int i = 0; i < rows; i++) {
      assertThat(cell[i + 5]).as("row %d", i).isEqualTo(nearest(centers, 2, y, 2 * i));
    }
    assertThat(cell[1 + 5]).isEqualTo(0);
  }

  /**
   * Algorithm 1's ĝ for one point, written plainly: the nearest warm start (ties to the lower index), the
   * features in z = (y − μ̂_j)·(1/s), Σ_a φ_a b_a in order, and the clip as a branch, multiplying by D/|ĝ| only
   * when |ĝ|² > D².
   */
  private static double[] onePoint(LevelPolynomials level, double[] y, int yOff) {
    int n = level.n;
    int j = nearest(level.centres, n, y, yOff);
    HermiteBasis basis = HermiteBasis.of(n, level.degrees[j]);
    double invS = 1 / level.s;
    double[] z = new double[n];
    for (int c = 0; c < n; c++) {
      z[c] = (y[yOff + c] - level.centres[j * n + c]) * invS;
    }
    double[] phi = new double[basis.size()];
    basis.evaluate(z, 0, basis.scratch(), phi, 0);
    double[] g = new double[n];
    double norm2 = 0;
    for (int c = 0; c < n; c++) {
      double v = 0;
      for (int a = 0; a < phi.length; a++) {
        v += phi[a] * level.coefficients[j][a * n + c];
      }
      g[c] = v;
      norm2 += v * v;
    }
    if (norm2 > level.clip * level.clip) {
      double f = level.clip / Math.sqrt(norm2);
      for (int c = 0; c < n; c++) {
        g[c] *= f;
      }
    }
    return g;
  }

  /**
   * A level of four cells with degrees 0 to 3 and a clip radius that about half the points exceed: the batch
   * path, over more rows than a block, gives to the bit what the plain per-point formula gives, branch-free clip
   * included.
   */
  @Test
  void batchPosteriorMeansAgreeBitForBitWithThePlainFormula() {
    Random r = new Random(5);
    int n = 2;
    int[] degrees = {3, 0, 2, 1};
    double[] centers = {0, 0, 5, 0, 0, 5, -4, -4};
    double[][] coef = new double[degrees.length][];
    for (int j = 0; j < degrees.length; j++) {
      coef[j] = new double[HermiteBasis.size(n, degrees[j]) * n];
      for (int q = 0; q < coef[j].length; q++) {
        coef[j][q] = 2 * r.nextGaussian();
      }
    }
    int rows = 3 * LevelPolynomials.BLOCK + 17;
    double[] y = new double[rows * n];
    for (int q = 0; q < y.length; q++) {
      y[q] = 1 + 4 * r.nextGaussian();
    }
    // the clip radius: the median norm of the unclipped means, so that about half the rows are clipped
    LevelPolynomials open = new LevelPolynomials(0.3, Math.sqrt(1.3), centers, degrees, coef,
        Double.POSITIVE_INFINITY);
    double[] norms = new double[rows];
    for (int i = 0; i < rows; i++) {
      double[] g = onePoint(open, y, i * n);
      norms[i] = Math.hypot(g[0], g[1]);
    }
    java.util.Arrays.sort(norms);
    double clip = norms[rows / 2];
    LevelPolynomials level = new LevelPolynomials(0.3, Math.sqrt(1.3), centers, degrees, coef, clip);
    double[] batch = new double[y.length];
    level.posteriorMeans(y, rows, batch, level.batch());
    int clipped = 0;
    for (int i = 0; i < rows; i++) {
      double[] one = onePoint(level, y, i * n);
      clipped += Math.abs(Math.hypot(one[0], one[1]) - clip) < 1e-12 * clip ? 1 : 0;
      for (int c = 0; c < n; c++) {
        assertThat(Double.doubleToRawLongBits(batch[i * n + c])).as("row %d, coordinate %d", i, c)
            .isEqualTo(Double.doubleToRawLongBits(one[c]));
      }
    }
    assertThat(clipped).as("rows on the clip sphere").isBetween(rows / 10, rows - rows / 10);
  }
}

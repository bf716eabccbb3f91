package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelPolynomialsTest {

  /**
   * A level of four cells with degrees 0 to 3 and a clip radius that about half the points exceed: the batch
   * path, over more rows than a block, gives to the bit what one point at a time gives.
   */
  @Test
  void batchPosteriorMeansAgreeBitForBitWithOnePointAtATime() {
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
    LevelPolynomials open = new LevelPolynomials(0.3, Math.sqrt(1.3), n, centers, degrees, coef,
        Double.POSITIVE_INFINITY);
    double[] norms = new double[rows];
    double[] g = new double[n];
    for (int i = 0; i < rows; i++) {
      open.posteriorMean(y, i * n, g, 0, open.scratch());
      norms[i] = Math.hypot(g[0], g[1]);
    }
    java.util.Arrays.sort(norms);
    double clip = norms[rows / 2];
    LevelPolynomials level = new LevelPolynomials(0.3, Math.sqrt(1.3), n, centers, degrees, coef, clip);
    double[] batch = new double[y.length];
    level.posteriorMeans(y, rows, batch, level.batch());
    double[] one = new double[y.length];
    LevelPolynomials.Scratch w = level.scratch();
    int clipped = 0;
    for (int i = 0; i < rows; i++) {
      level.posteriorMean(y, i * n, one, i * n, w);
      double norm = Math.hypot(one[i * n], one[i * n + 1]);
      clipped += Math.abs(norm - clip) < 1e-12 * clip ? 1 : 0;
    }
    assertThat(clipped).as("rows on the clip sphere").isBetween(rows / 10, rows - rows / 10);
    for (int q = 0; q < y.length; q++) {
      assertThat(Double.doubleToRawLongBits(batch[q])).as("entry %d", q)
          .isEqualTo(Double.doubleToRawLongBits(one[q]));
    }
  }
}

package io.diffmix.regression.piecewise;

import java.util.Arrays;

/**
 * The Voronoi cell of each row of a block of noisy points: the index of its nearest warm start, ties to the
 * lower index. One per thread, since it holds the block's scratch.
 *
 * <p>Squared distances are summed over the coordinates in order and compared strictly, cell by cell across the
 * rows, without a branch on the data: a fit starts with one cell, and a branch the profile never saw taken
 * would send its compiled code back to the interpreter at the first level with two.
 */
final class NearestWarmStart {
  private final int[] cell = new int[LevelPolynomials.BLOCK];
  private final double[] d2 = new double[LevelPolynomials.BLOCK];
  private final double[] best = new double[LevelPolynomials.BLOCK];

  /**
   * The cells of rows [from, from + rows) of y (row-major, n a row), at most {@link LevelPolynomials#BLOCK}
   * rows, in entries [0, rows) of the array returned, which is this object's own and overwritten by the next call.
   */
  int[] assign(double[] centres, int n, double[] y, int from, int rows) {
    int[] cell = this.cell;
    double[] d2 = this.d2;
    double[] best = this.best;
    Arrays.fill(cell, 0, rows, 0);
    Arrays.fill(best, 0, rows, Double.POSITIVE_INFINITY);
    int cells = centres.length / n;
    for (int j = 0; j < cells; j++) {
      Arrays.fill(d2, 0, rows, 0);
      for (int c = 0; c < n; c++) {
        double mu = centres[j * n + c];
        for (int r = 0; r < rows; r++) {
          double diff = y[(from + r) * n + c] - mu;
          d2[r] += diff * diff;
        }
      }
      for (int r = 0; r < rows; r++) {
        boolean closer = d2[r] < best[r];
        cell[r] = closer ? j : cell[r];
        best[r] = closer ? d2[r] : best[r];
      }
    }
    return cell;
  }
}

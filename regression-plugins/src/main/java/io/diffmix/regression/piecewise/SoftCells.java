package io.diffmix.regression.piecewise;

import java.util.Arrays;

/**
 * A smooth partition of unity over the Voronoi cells of the warm starts, for a block of noisy points: row y has
 * weight w_j(y) = e^{−|y − μ̂_j|²/(2h²)} / Σ_i e^{−|y − μ̂_i|²/(2h²)} in cell j. As h → 0 it is the hard Voronoi
 * assignment ({@link NearestWarmStart}); for h > 0 the weights are smooth in y, so a level's posterior mean
 * Σ_j w_j ĝ_j is continuous across the cell boundaries and the probability-flow ODE's density is well posed
 * there (README, "The boundary blend").
 *
 * <p>A cell whose weight relative to the nearest cell's is below e^{−{@link #CUTOFF}} ≈ 4·10⁻¹⁸ is left out:
 * the nearest weight is then 1 in floating point, so a row far from every boundary gets exactly the bits of its
 * own cell's polynomial, and the blend moves ĝ by less than 4·10⁻¹⁸ times the clip radius where it drops a cell.
 * One per thread, since it holds the block's scratch.
 */
final class SoftCells {
  /** The largest −ln of a relative weight that is kept. */
  static final double CUTOFF = 40;

  private final int block = LevelPolynomials.BLOCK;
  /** Per cell and row: the squared distance, then the unnormalised weight (0 when left out). */
  private final double[] weight;
  /** Per row: the nearest squared distance, then the sum of the weights. */
  private final double[] total;
  /** Per row: the nearest cell, and how many cells have weight. */
  final int[] nearest;
  final int[] count;
  /** Cell j's entries are [start[j], start[j + 1]): their rows, in increasing order, and normalised weights. */
  final int[] start;
  final int[] rows;
  final double[] weights;

  SoftCells(int maxCells) {
    weight = new double[maxCells * block];
    total = new double[block];
    nearest = new int[block];
    count = new int[block];
    start = new int[maxCells + 1];
    rows = new int[maxCells * block];
    weights = new double[maxCells * block];
  }

  /**
   * The weights of rows [from, from + m) of y (row-major, n a row; m at most {@link LevelPolynomials#BLOCK}),
   * with h² = {@code h2}, into the entry lists. Each row's sums run over the cells in order, so its weights
   * depend on that row alone.
   */
  void assign(double[] centres, int n, double[] y, int from, int m, double h2) {
    int cells = centres.length / n;
    Arrays.fill(total, 0, m, Double.POSITIVE_INFINITY);
    Arrays.fill(nearest, 0, m, 0);
    for (int j = 0; j < cells; j++) {
      int o = j * block;
      Arrays.fill(weight, o, o + m, 0);
      for (int c = 0; c < n; c++) {
        double mu = centres[j * n + c];
        for (int r = 0; r < m; r++) {
          double diff = y[(from + r) * n + c] - mu;
          weight[o + r] += diff * diff;
        }
      }
      for (int r = 0; r < m; r++) {
        if (weight[o + r] < total[r]) {
          total[r] = weight[o + r];
          nearest[r] = j;
        }
      }
    }
    double scale = 1 / (2 * h2);
    Arrays.fill(start, 0, cells + 1, 0);
    for (int j = 0; j < cells; j++) {
      int o = j * block;
      for (int r = 0; r < m; r++) {
        double gap = (weight[o + r] - total[r]) * scale;
        // the nearest cell's weight is exactly 1, also where the distances are not finite (a NaN or huge row:
        // its own cell's polynomial then gives what the hard cells give)
        weight[o + r] = j == nearest[r] ? 1 : gap < CUTOFF ? Math.exp(-gap) : 0;
        if (weight[o + r] > 0) {
          start[j + 1]++;
        }
      }
    }
    Arrays.fill(total, 0, m, 0);
    Arrays.fill(count, 0, m, 0);
    for (int j = 0; j < cells; j++) {
      int o = j * block;
      for (int r = 0; r < m; r++) {
        total[r] += weight[o + r];
        count[r] += weight[o + r] > 0 ? 1 : 0;
      }
    }
    for (int j = 0; j < cells; j++) {
      start[j + 1] += start[j];
      int e = start[j];
      int o = j * block;
      for (int r = 0; r < m; r++) {
        if (weight[o + r] > 0) {
          rows[e] = from + r;
          weights[e] = weight[o + r] / total[r];
          e++;
        }
      }
    }
  }
}

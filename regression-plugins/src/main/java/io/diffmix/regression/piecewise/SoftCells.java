package io.diffmix.regression.piecewise;

import java.util.Arrays;

/**
 * A smooth partition of unity over the Voronoi cells of the warm starts, for a block of noisy points. Row y has
 * the softmax weights ŵ_j(y) = e^{−|y − μ̂_j|²/(2h²)} / Σ_i e^{−|y − μ̂_i|²/(2h²)}, and a cell keeps
 * w'_j = ρ(ŵ_j), renormalised to w_j = w'_j / Σ_i w'_i, where the taper ρ is 0 below ε, ŵ above 2ε, and
 * ŵ·σ((ŵ − ε)/ε) between, with σ(x) = x³(10 − 15x + 6x²) (C², 0 and 1 at the ends with two derivatives 0). Both
 * are smooth in y, so a level's posterior mean Σ_j w_j ĝ_j is continuous across the cell boundaries and the
 * probability-flow ODE's density is well posed there (README, "The boundary blend"). As h → 0 it is the hard
 * Voronoi assignment ({@link NearestWarmStart}).
 *
 * <p>The taper is what makes the blend cheap: a cell with less than ε of the weight is not evaluated, and a row
 * whose other cells all have less than ε gets exactly its own cell's bits (w = ŵ/ŵ = 1). ε = min(1e-4, 1/(4 cells)),
 * so that the nearest cell, which has at least 1/cells, is never tapered. One per thread, since it holds the
 * block's scratch.
 */
final class SoftCells {
  /** The weight below which a cell is left out, when there are at most 2,500 cells. */
  static final double EPSILON = 1e-4;
  /**
   * 54 ln 2: a cell this far past the nearest, in units of 2h², has e^−gap below 2^−54 of the nearest's 1, so
   * leaving it out of the sum moves the sum by at most about an ulp (the sum reaches 1 at the nearest cell).
   */
  static final double SKIP = 54 * Math.log(2);

  private final int block = LevelPolynomials.BLOCK;
  /** Per cell and row: the squared distance, then the softmax weight ŵ. */
  private final double[] weight;
  /** Per row: the nearest squared distance, then the tapered weights' sum. */
  private final double[] total;
  /** Per row: the softmax's sum. */
  private final double[] sum;
  /** Per row: the nearest cell, and how many cells have weight. */
  final int[] nearest;
  final int[] count;
  /** Per row: μ̄ = Σ_j ŵ_j μ̂_j, n a row, around which the weights' gradients are taken. */
  final double[] meanCentre;
  /** Cell j's entries are [start[j], start[j + 1]): their rows, in increasing order, weights w_j, and gradients. */
  final int[] start;
  final int[] rows;
  final double[] weights;
  /** ρ'(ŵ_j) ŵ_j / (Σ_i w'_i · h²): ∇w_j = that × (μ̂_j − μ̄) minus w_j times the sum of such over the cells. */
  final double[] gradients;

  SoftCells(int maxCells, int n) {
    weight = new double[maxCells * block];
    total = new double[block];
    sum = new double[block];
    nearest = new int[block];
    count = new int[block];
    meanCentre = new double[n * block];
    start = new int[maxCells + 1];
    rows = new int[maxCells * block];
    weights = new double[maxCells * block];
    gradients = new double[maxCells * block];
  }

  /** ρ(w): 0 below ε, w above 2ε, smooth between. */
  static double taper(double w, double eps) {
    double x = (w - eps) / eps;
    return x <= 0 ? 0 : x >= 1 ? w : w * x * x * x * (10 + x * (-15 + 6 * x));
  }

  /** ρ'(w). */
  static double taperSlope(double w, double eps) {
    double x = (w - eps) / eps;
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double sigma = x * x * x * (10 + x * (-15 + 6 * x));
    return sigma + w * 30 * x * x * (1 - x) * (1 - x) / eps;
  }

  /**
   * The weights of rows [from, from + m) of y (row-major, n a row; m at most {@link LevelPolynomials#BLOCK}),
   * with h² = {@code h2}, into the entry lists. Each row's sums run over the cells in order, so its weights
   * depend on that row alone. A row whose distances are not finite (NaN, or overflowing) has its nearest cell
   * alone, as with the hard cells.
   */
  void assign(double[] centres, int n, double[] y, int from, int m, double h2) {
    int cells = centres.length / n;
    double eps = Math.min(EPSILON, 0.25 / cells);
    nearestDistances(centres, n, y, from, m);
    double scale = 1 / (2 * h2);
    // cell by cell, each row's sums in cell order: the same bits as row by row, with unit-stride loops
    Arrays.fill(sum, 0, m, 0);
    for (int j = 0; j < cells; j++) {
      int o = j * block;
      for (int r = 0; r < m; r++) {
        double near = total[r];
        double gap = (weight[o + r] - near) * scale;
        // past SKIP, e^−gap < 2^−54 of the nearest's 1: its part of the sum is below an ulp, so no exp for it
        double e = !(Double.isFinite(near) && Double.isFinite(scale)) ? (j == nearest[r] ? 1 : 0)
            : gap < SKIP ? Math.exp(-gap) : 0;
        weight[o + r] = e;
        sum[r] += e;
      }
    }
    Arrays.fill(meanCentre, 0, m * n, 0);
    for (int j = 0; j < cells; j++) {
      int o = j * block;
      for (int r = 0; r < m; r++) {
        double w = weight[o + r] / sum[r];
        weight[o + r] = w;
        // a zero weight adds nothing to μ̄
        if (w != 0) {
          for (int c = 0; c < n; c++) {
            meanCentre[r * n + c] += w * centres[j * n + c];
          }
        }
      }
    }
    entries(cells, m, from, h2, eps);
  }

  /** The squared distance of every row to every centre, into weight, and each row's nearest, into total. */
  private void nearestDistances(double[] centres, int n, double[] y, int from, int m) {
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
  }

  /** The tapered weights, renormalised, and their gradients' factors, into the entry lists by cell. */
  private void entries(int cells, int m, int from, double h2, double eps) {
    Arrays.fill(total, 0, m, 0);
    Arrays.fill(count, 0, m, 0);
    Arrays.fill(start, 0, cells + 1, 0);
    for (int j = 0; j < cells; j++) {
      for (int r = 0; r < m; r++) {
        double t = taper(weight[j * block + r], eps);
        total[r] += t;
        if (t > 0) {
          count[r]++;
          start[j + 1]++;
        }
      }
    }
    for (int j = 0; j < cells; j++) {
      start[j + 1] += start[j];
      int e = start[j];
      for (int r = 0; r < m; r++) {
        double w = weight[j * block + r];
        double t = taper(w, eps);
        if (t > 0) {
          rows[e] = from + r;
          weights[e] = t / total[r];
          gradients[e] = taperSlope(w, eps) * w / (total[r] * h2);
          e++;
        }
      }
    }
  }
}

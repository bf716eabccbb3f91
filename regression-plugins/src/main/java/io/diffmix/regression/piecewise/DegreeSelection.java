package io.diffmix.regression.piecewise;

import io.diffmix.core.parallel.Parallel;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code degree: "auto"}: at each level, fit every candidate degree on nine tenths of the level's rows and keep
 * the one with the smallest squared error on the other tenth (docs/algorithm.md §5, "Degree auto": a higher
 * degree helps for large t and hurts near t = 0, where the target is mostly noise). The level's noise and its
 * cells without the held-out rows are the same for every candidate.
 */
final class DegreeSelection {
  private DegreeSelection() {}

  /**
   * The candidate with the smallest held-out loss, the first on a tie.
   *
   * @param variate the nine tenths' control variate, or null
   */
  static int choose(List<Integer> candidates, NoisyLevel level, VoronoiCells nineTenths, CellRegression regression,
      ControlVariate variate, Parallel par) {
    int best = candidates.get(0);
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int d : candidates) {
      double loss = heldOutLoss(regression.fit(level, nineTenths, d, par, variate).level(), level, par);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = d;
      }
    }
    return best;
  }

  /** Σ |ĝ(y_i) − z_i|² over the held-out rows, block by block and the blocks in order. */
  private static double heldOutLoss(LevelPolynomials fitted, NoisyLevel level, Parallel par) {
    int n = level.n;
    double[] y = level.y;
    double[] z = level.z;
    List<Double> parts = par.mapChunks(level.count(), NoisyLevel.BLOCK, (from, to) -> {
      int[] rows = IntStream.range(from, to).filter(HoldOut.EVERY_TENTH::heldOut).toArray();
      double[] yh = new double[rows.length * n];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(y, rows[r] * n, yh, r * n, n);
      }
      double[] f = new double[yh.length];
      fitted.posteriorMeans(yh, rows.length, f, fitted.batch());
      double loss = 0;
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < n; c++) {
          double e = f[r * n + c] - z[rows[r] * n + c];
          loss += e * e;
        }
      }
      return loss;
    });
    double loss = 0;
    for (double p : parts) {
      loss += p;
    }
    return loss;
  }
}

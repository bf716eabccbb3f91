package io.diffmix.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * Algorithm 2's greedy cover: given denoised points μ̂_i, repeatedly pick the point whose ball of radius R̃
 * holds the most uncovered points, make it a warm start, and remove what it covers.
 *
 * <p>Stopping rules (paper-notes §5, "Warm starts"): stop once at most α_min/2 of the points are uncovered, or
 * after ⌈ln(1/α_min)/α_min⌉ centres (the paper's C'k ln(1/α_min) with k ≤ 1/α_min); drop a centre that
 * covered fewer than α_min·N/4 points, since a true component holds at least α_min of the mass.
 */
final class WarmStarts {
  private WarmStarts() {}

  /** The warm starts, flattened (count × n). Never empty: the first centre is always kept. */
  static double[] cover(double[] mu, int rows, int n, double radius, double alphaMin,
      io.diffmix.core.parallel.Parallel par) {
    double r2 = radius * radius;
    if (fitsInOneBall(mu, rows, n, radius)) {
      // every ball holds every point, so the greedy pick is the first point: the usual case at high noise
      return java.util.Arrays.copyOf(mu, n);
    }
    // neighbours within R̃, found once; the greedy loop then only updates counts of uncovered neighbours
    int[][] near = new int[rows][];
    par.forEachChunk(rows, 256, (from, to) -> {
      int[] buffer = new int[rows];
      for (int i = from; i < to; i++) {
        int c = 0;
        for (int j = 0; j < rows; j++) {
          if (dist2(mu, i, j, n) <= r2) {
            buffer[c++] = j;
          }
        }
        near[i] = java.util.Arrays.copyOf(buffer, c);
      }
    });
    int[] count = new int[rows];
    for (int i = 0; i < rows; i++) {
      count[i] = near[i].length;
    }
    boolean[] covered = new boolean[rows];
    int uncovered = rows;
    int maxCentres = (int) Math.ceil(Math.log(1 / alphaMin) / alphaMin);
    double minCover = alphaMin * rows / 4;
    List<double[]> centres = new ArrayList<>();
    while (uncovered > alphaMin / 2 * rows && centres.size() < maxCentres) {
      // the uncovered point whose ball holds the most uncovered points; ties to the lowest index
      int best = -1;
      for (int i = 0; i < rows; i++) {
        if (!covered[i] && (best < 0 || count[i] > count[best])) {
          best = i;
        }
      }
      if (best < 0 || (count[best] < minCover && !centres.isEmpty())) {
        break;
      }
      double[] centre = new double[n];
      System.arraycopy(mu, best * n, centre, 0, n);
      centres.add(centre);
      for (int j : near[best]) {
        if (!covered[j]) {
          covered[j] = true;
          uncovered--;
          for (int i : near[j]) {
            count[i]--;
          }
        }
      }
    }
    double[] out = new double[centres.size() * n];
    for (int k = 0; k < centres.size(); k++) {
      System.arraycopy(centres.get(k), 0, out, k * n, n);
    }
    return out;
  }

  /** Whether all points lie within R̃ of each other: the bounding box's diagonal is at most R̃. */
  private static boolean fitsInOneBall(double[] mu, int rows, int n, double radius) {
    double diag2 = 0;
    for (int c = 0; c < n; c++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rows; i++) {
        lo = Math.min(lo, mu[i * n + c]);
        hi = Math.max(hi, mu[i * n + c]);
      }
      diag2 += (hi - lo) * (hi - lo);
    }
    return diag2 <= radius * radius;
  }

  private static double dist2(double[] mu, int i, int j, int n) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double diff = mu[i * n + c] - mu[j * n + c];
      d2 += diff * diff;
    }
    return d2;
  }
}

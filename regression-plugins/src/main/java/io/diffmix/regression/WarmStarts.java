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
  static double[] cover(double[] mu, int rows, int n, double radius, double alphaMin) {
    double r2 = radius * radius;
    boolean[] covered = new boolean[rows];
    int uncovered = rows;
    int maxCentres = (int) Math.ceil(Math.log(1 / alphaMin) / alphaMin);
    double minCover = alphaMin * rows / 4;
    List<double[]> centres = new ArrayList<>();
    int[] count = new int[rows];
    while (uncovered > alphaMin / 2 * rows && centres.size() < maxCentres) {
      int best = -1;
      int bestCount = -1;
      for (int i = 0; i < rows; i++) {
        if (covered[i]) {
          continue;
        }
        int c = 0;
        for (int j = 0; j < rows; j++) {
          if (!covered[j] && dist2(mu, i, j, n) <= r2) {
            c++;
          }
        }
        count[i] = c;
        if (c > bestCount) {
          bestCount = c;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      if (bestCount < minCover && !centres.isEmpty()) {
        break;
      }
      double[] centre = new double[n];
      System.arraycopy(mu, best * n, centre, 0, n);
      centres.add(centre);
      for (int j = 0; j < rows; j++) {
        if (!covered[j] && dist2(mu, best, j, n) <= r2) {
          covered[j] = true;
          uncovered--;
        }
      }
    }
    double[] out = new double[centres.size() * n];
    for (int k = 0; k < centres.size(); k++) {
      System.arraycopy(centres.get(k), 0, out, k * n, n);
    }
    return out;
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

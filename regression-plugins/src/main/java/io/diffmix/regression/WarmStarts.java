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
    // leaves of nearby points with their boxes: counts and updates take whole leaves where they can, and no
    // neighbour list is ever stored
    BoxedPoints box = new BoxedPoints(mu, rows, n);
    int leaves = box.leaves();
    int[] count = new int[rows];
    par.forEachChunk(leaves, 8, (from, to) -> {
      for (int k = from; k < to; k++) {
        for (int l = 0; l < leaves; l++) {
          if (box.nearest2Leaves(k, l) > r2) {
            continue;
          }
          boolean all = box.farthest2Leaves(k, l) <= r2;
          for (int i = box.start[k]; i < box.start[k + 1]; i++) {
            count[i] += all ? box.start[l + 1] - box.start[l] : within(box, i, l, r2);
          }
        }
      }
    });
    boolean[] covered = new boolean[rows];
    int uncovered = rows;
    int maxCentres = (int) Math.ceil(Math.log(1 / alphaMin) / alphaMin);
    double minCover = alphaMin * rows / 4;
    List<double[]> centres = new ArrayList<>();
    int[] fresh = new int[rows];
    int[] freshStart = new int[leaves + 1];
    while (uncovered > alphaMin / 2 * rows && centres.size() < maxCentres) {
      // the uncovered point whose ball holds the most uncovered points; ties to the lowest row of mu
      int best = -1;
      for (int k = 0; k < rows; k++) {
        if (!covered[k] && (best < 0 || count[k] > count[best]
            || (count[k] == count[best] && box.order[k] < box.order[best]))) {
          best = k;
        }
      }
      if (best < 0 || (count[best] < minCover && !centres.isEmpty())) {
        break;
      }
      centres.add(java.util.Arrays.copyOfRange(box.pts, best * n, best * n + n));
      // the newly covered points, leaf by leaf
      int f = 0;
      for (int l = 0; l < leaves; l++) {
        freshStart[l] = f;
        if (box.nearest2(best, l) > r2) {
          continue;
        }
        boolean all = box.farthest2(best, l) <= r2;
        for (int j = box.start[l]; j < box.start[l + 1]; j++) {
          if (!covered[j] && (all || box.dist2(best, j) <= r2)) {
            covered[j] = true;
            fresh[f++] = j;
          }
        }
      }
      freshStart[leaves] = f;
      uncovered -= f;
      // each newly covered point leaves the count of every point within R̃ of it; leaf by leaf of the counted
      // points, so that the tasks write disjoint counts
      par.forEachChunk(leaves, 8, (lFrom, lTo) -> {
        for (int l = lFrom; l < lTo; l++) {
          for (int k = 0; k < leaves; k++) {
            int nk = freshStart[k + 1] - freshStart[k];
            if (nk == 0 || box.nearest2Leaves(k, l) > r2) {
              continue;
            }
            if (box.farthest2Leaves(k, l) <= r2) {
              for (int i = box.start[l]; i < box.start[l + 1]; i++) {
                count[i] -= nk;
              }
            } else {
              for (int q = freshStart[k]; q < freshStart[k + 1]; q++) {
                leave(box, fresh[q], l, r2, count);
              }
            }
          }
        }
      });
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

  /**
   * Takes one from the count of each point of leaf l within √r2 of position j. The hot loops are small methods
   * of their own so that the JIT compiles them whole, not as on-stack replacements inside the greedy loop.
   */
  private static void leave(BoxedPoints box, int j, int l, double r2, int[] count) {
    for (int i = box.start[l]; i < box.start[l + 1]; i++) {
      if (box.dist2(j, i) <= r2) {
        count[i]--;
      }
    }
  }

  /** The number of points of leaf l within √r2 of position i. */
  private static int within(BoxedPoints box, int i, int l, double r2) {
    int c = 0;
    for (int j = box.start[l]; j < box.start[l + 1]; j++) {
      if (box.dist2(i, j) <= r2) {
        c++;
      }
    }
    return c;
  }

}

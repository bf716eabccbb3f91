package io.diffmix.regression.piecewise;

import io.diffmix.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Algorithm 2's greedy cover: given denoised points μ̂_i, repeatedly pick the point whose ball of radius R̃
 * holds the most uncovered points, make it a warm start, and remove what it covers.
 *
 * <p>Stopping rules (docs/algorithm.md §5, "Warm starts"): stop once at most α_min/2 of the points are uncovered, or
 * after ⌈ln(1/α_min)/α_min⌉ centres (the paper's C'k ln(1/α_min) with k ≤ 1/α_min); drop a centre that
 * covered fewer than α_min·N/4 points, since a true component holds at least α_min of the mass.
 *
 * <p>The points sit in leaves of nearby points with their boxes ({@link BoxedPoints}): counts and updates take
 * whole leaves where they can, and no neighbour list is ever stored. WarmStartsTest pins the result to the
 * plain O(N²) form of the algorithm, bit for bit.
 */
final class WarmStarts {
  private final BoxedPoints box;
  private final double r2;
  private final Parallel par;
  /** For each position, the uncovered points within R̃ of it. */
  private final int[] count;
  private final boolean[] covered;
  /** The positions a new centre covered, leaf by leaf: leaf l's at fresh[freshStart[l] .. freshStart[l + 1]). */
  private final int[] fresh;
  private final int[] freshStart;

  private WarmStarts(double[] mu, int rows, int n, double radius, Parallel par) {
    this.box = new BoxedPoints(mu, rows, n);
    this.r2 = radius * radius;
    this.par = par;
    this.count = new int[rows];
    this.covered = new boolean[rows];
    this.fresh = new int[rows];
    this.freshStart = new int[box.leaves() + 1];
  }

  /** The warm starts, flattened (count × n). Never empty: the first centre is always kept. */
  static double[] cover(double[] mu, int rows, int n, double radius, double alphaMin, Parallel par) {
    if (fitsInOneBall(mu, rows, n, radius)) {
      // every ball holds every point, so the greedy pick is the first point: the usual case at high noise
      return Arrays.copyOf(mu, n);
    }
    return new WarmStarts(mu, rows, n, radius, par).greedy(alphaMin);
  }

  private double[] greedy(double alphaMin) {
    int rows = count.length;
    int n = box.n;
    countNeighbours();
    int uncovered = rows;
    int maxCentres = (int) Math.ceil(Math.log(1 / alphaMin) / alphaMin);
    double minCover = alphaMin * rows / 4;
    List<double[]> centres = new ArrayList<>();
    while (uncovered > alphaMin / 2 * rows && centres.size() < maxCentres) {
      int best = mostNeighbours();
      if (best < 0 || (count[best] < minCover && !centres.isEmpty())) {
        break;
      }
      centres.add(Arrays.copyOfRange(box.pts, best * n, best * n + n));
      uncovered -= coverAround(best);
      removeFreshFromCounts();
    }
    double[] out = new double[centres.size() * n];
    for (int k = 0; k < centres.size(); k++) {
      System.arraycopy(centres.get(k), 0, out, k * n, n);
    }
    return out;
  }

  /** count[i] = the points within R̃ of position i, in tasks of whole leaves of i. */
  private void countNeighbours() {
    BoxedPoints box = this.box;
    int[] count = this.count;
    double r2 = this.r2;
    int leaves = box.leaves();
    par.forEachChunk(leaves, 8, (from, to) -> {
      for (int k = from; k < to; k++) {
        for (int l = 0; l < leaves; l++) {
          if (box.nearest2Leaves(k, l) > r2) {
            continue;
          }
          boolean all = box.farthest2Leaves(k, l) <= r2;
          for (int i = box.start[k]; i < box.start[k + 1]; i++) {
            count[i] += all ? box.start[l + 1] - box.start[l] : within(i, l);
          }
        }
      }
    });
  }

  /** The uncovered position whose ball holds the most uncovered points; ties to the lowest row of μ̂; −1 if none. */
  private int mostNeighbours() {
    int[] count = this.count;
    boolean[] covered = this.covered;
    int[] order = box.order;
    int best = -1;
    for (int k = 0; k < count.length; k++) {
      if (!covered[k] && (best < 0 || count[k] > count[best]
          || (count[k] == count[best] && order[k] < order[best]))) {
        best = k;
      }
    }
    return best;
  }

  /** Marks the uncovered points within R̃ of position {@code centre} covered, into fresh; returns how many. */
  private int coverAround(int centre) {
    BoxedPoints box = this.box;
    boolean[] covered = this.covered;
    double r2 = this.r2;
    int leaves = box.leaves();
    int f = 0;
    for (int l = 0; l < leaves; l++) {
      freshStart[l] = f;
      if (box.nearest2(centre, l) > r2) {
        continue;
      }
      boolean all = box.farthest2(centre, l) <= r2;
      for (int j = box.start[l]; j < box.start[l + 1]; j++) {
        if (!covered[j] && (all || box.dist2(centre, j) <= r2)) {
          covered[j] = true;
          fresh[f++] = j;
        }
      }
    }
    freshStart[leaves] = f;
    return f;
  }

  /**
   * Each newly covered point leaves the count of every point within R̃ of it; leaf by leaf of the counted
   * points, so that the tasks write disjoint counts.
   */
  private void removeFreshFromCounts() {
    BoxedPoints box = this.box;
    int[] count = this.count;
    int[] fresh = this.fresh;
    int[] freshStart = this.freshStart;
    double r2 = this.r2;
    int leaves = box.leaves();
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
              leave(fresh[q], l);
            }
          }
        }
      }
    });
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
   * Takes one from the count of each point of leaf l within R̃ of position j. The hot loops are small methods
   * of their own so that the JIT compiles them whole, not as on-stack replacements inside the greedy loop, and
   * they read the fields into locals, since a new JVM runs them interpreted or in C1 first.
   */
  private void leave(int j, int l) {
    BoxedPoints box = this.box;
    int[] count = this.count;
    double r2 = this.r2;
    for (int i = box.start[l]; i < box.start[l + 1]; i++) {
      if (box.dist2(j, i) <= r2) {
        count[i]--;
      }
    }
  }

  /** The number of points of leaf l within R̃ of position i. */
  private int within(int i, int l) {
    BoxedPoints box = this.box;
    double r2 = this.r2;
    int c = 0;
    for (int j = box.start[l]; j < box.start[l + 1]; j++) {
      if (box.dist2(i, j) <= r2) {
        c++;
      }
    }
    return c;
  }
}

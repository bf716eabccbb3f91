package io.diffmix.regression.piecewise;

import java.util.Arrays;

/**
 * Points grouped into leaves of at most {@link #LEAF} by recursive median splits along the widest coordinate,
 * each leaf with its bounding box. Counting neighbours within a radius then takes whole leaves at once: a pair
 * of leaves whose boxes lie entirely within the radius adds all its points without a distance, a pair whose
 * boxes lie entirely beyond it adds none, and only the pairs in between are checked point by point.
 *
 * <p>The bulk decisions agree with the point-by-point test to the bit: rounding is monotone, so no pair inside
 * two boxes has a computed distance beyond the boxes' computed farthest distance, or short of their nearest.
 */
final class BoxedPoints {
  static final int LEAF = 32;

  final int n;
  /** The row of the input at each position. */
  final int[] order;
  /** The points in leaf order, position-major. */
  final double[] pts;
  /** Leaf k holds positions [start[k], start[k + 1]). */
  final int[] start;
  final double[] lo;
  final double[] hi;

  BoxedPoints(double[] mu, int rows, int n) {
    this.n = n;
    int[] idx = new int[rows];
    for (int i = 0; i < rows; i++) {
      idx[i] = i;
    }
    int[] bounds = new int[2 * (rows / LEAF + 2)];
    int leaves = split(mu, idx, 0, rows, bounds, 0);
    order = new int[rows];
    pts = new double[rows * n];
    for (int k = 0; k < rows; k++) {
      order[k] = idx[k];
      System.arraycopy(mu, idx[k] * n, pts, k * n, n);
    }
    start = Arrays.copyOf(bounds, leaves + 1);
    start[leaves] = rows;
    lo = new double[leaves * n];
    hi = new double[leaves * n];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int k = 0; k < leaves; k++) {
      for (int i = start[k]; i < start[k + 1]; i++) {
        for (int c = 0; c < n; c++) {
          lo[k * n + c] = Math.min(lo[k * n + c], pts[i * n + c]);
          hi[k * n + c] = Math.max(hi[k * n + c], pts[i * n + c]);
        }
      }
    }
  }

  /** Sorts idx[from, to) into leaves; records each leaf's first position; returns the leaf count so far. */
  private int split(double[] mu, int[] idx, int from, int to, int[] bounds, int leaves) {
    if (to - from <= LEAF) {
      bounds[leaves] = from;
      return leaves + 1;
    }
    int axis = widest(mu, idx, from, to);
    int mid = (from + to) >>> 1;
    select(mu, axis, idx, from, to, mid);
    return split(mu, idx, mid, to, bounds, split(mu, idx, from, mid, bounds, leaves));
  }

  /** The coordinate along which rows idx[from, to) spread the most; the lowest on a tie. */
  private int widest(double[] mu, int[] idx, int from, int to) {
    int axis = 0;
    double widest = -1;
    for (int c = 0; c < n; c++) {
      double l = Double.POSITIVE_INFINITY;
      double h = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        l = Math.min(l, mu[idx[i] * n + c]);
        h = Math.max(h, mu[idx[i] * n + c]);
      }
      if (h - l > widest) {
        widest = h - l;
        axis = c;
      }
    }
    return axis;
  }

  /**
   * Rearranges idx[from, to) so that position k holds the element of rank k, smaller ones before and larger ones
   * after, in the order of coordinate {@code axis} with ties broken by row: a median split in linear time, with
   * no boxing and no comparator, and the same result on every run.
   */
  private void select(double[] mu, int axis, int[] idx, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (lo < hi) {
      int pivot = idx[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (less(mu, axis, idx[i], pivot)) {
          i++;
        }
        while (less(mu, axis, pivot, idx[j])) {
          j--;
        }
        if (i <= j) {
          int t = idx[i];
          idx[i++] = idx[j];
          idx[j--] = t;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  /** Whether row a comes before row b along {@code axis}, ties by row. */
  private boolean less(double[] mu, int axis, int a, int b) {
    int c = Double.compare(mu[a * n + axis], mu[b * n + axis]);
    return c < 0 || (c == 0 && a < b);
  }

  int leaves() {
    return start.length - 1;
  }

  /** The squared distance of positions i and j, summed over coordinates in order. */
  double dist2(int i, int j) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double diff = pts[i * n + c] - pts[j * n + c];
      d2 += diff * diff;
    }
    return d2;
  }

  /** The squared distance of position i to the farthest corner of leaf k's box. */
  double farthest2(int i, int k) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double x = pts[i * n + c];
      double diff = Math.max(Math.abs(x - lo[k * n + c]), Math.abs(hi[k * n + c] - x));
      d2 += diff * diff;
    }
    return d2;
  }

  /** The squared distance of position i to the nearest point of leaf k's box. */
  double nearest2(int i, int k) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double x = pts[i * n + c];
      double diff = Math.max(0, Math.max(lo[k * n + c] - x, x - hi[k * n + c]));
      d2 += diff * diff;
    }
    return d2;
  }

  /** The largest squared distance between points of the boxes of leaves k and l. */
  double farthest2Leaves(int k, int l) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double diff = Math.max(Math.abs(hi[k * n + c] - lo[l * n + c]), Math.abs(hi[l * n + c] - lo[k * n + c]));
      d2 += diff * diff;
    }
    return d2;
  }

  /** The smallest squared distance between points of the boxes of leaves k and l. */
  double nearest2Leaves(int k, int l) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double diff = Math.max(0, Math.max(lo[l * n + c] - hi[k * n + c], lo[k * n + c] - hi[l * n + c]));
      d2 += diff * diff;
    }
    return d2;
  }
}

package io.diffmix.core.metrics;

/**
 * The Vector API kernel's lanes in plain Java, to the bit: lane l of a vector at column j holds column j + l,
 * its squared distance is the fma chain over coordinates from 0, and each lane keeps its own running sum. So
 * {@link VectorKernelSums} can hand a row's columns to this loop partway through and get the bits the vectors
 * would have given ({@link VectorWarmUp} says when that is faster).
 */
final class LaneSums {
  private LaneSums() {}

  /**
   * acc[l] += Σ exp(−γ·|a − b_{j+l}|²) over j = from, from + lanes, ... < to, where lanes = acc.length and
   * (to − from) is a multiple of it.
   */
  static void addExp(double[] acc, double[] a, int offset, double[][] bCols, int from, int to, double gamma) {
    int lanes = acc.length;
    for (int j = from; j < to; j += lanes) {
      for (int l = 0; l < lanes; l++) {
        acc[l] += ExactExp.exp(squaredDistance(a, offset, bCols, j + l) * -gamma);
      }
    }
  }

  /** acc[l] += Σ |a − b_{j+l}| over the same columns as {@link #addExp}. */
  static void addDistance(double[] acc, double[] a, int offset, double[][] bCols, int from, int to) {
    int lanes = acc.length;
    for (int j = from; j < to; j += lanes) {
      for (int l = 0; l < lanes; l++) {
        acc[l] += Math.sqrt(squaredDistance(a, offset, bCols, j + l));
      }
    }
  }

  /** Σ exp(−γ·|a − b_j|²) over the columns past the last whole vector, one at a time. */
  static double expTail(double[] a, int offset, double[][] bCols, int from, int to, double gamma) {
    double tail = 0;
    for (int j = from; j < to; j++) {
      tail += ExactExp.exp(-gamma * squaredDistance(a, offset, bCols, j));
    }
    return tail;
  }

  /** The lanes' sum, lane 0 first. */
  static double inOrder(double[] lanes) {
    double s = 0;
    for (double v : lanes) {
      s += v;
    }
    return s;
  }

  /** Σ_c (b_c − a_c)² by fma, coordinate 0 first, as a vector lane computes it. */
  private static double squaredDistance(double[] a, int offset, double[][] bCols, int j) {
    double d2 = 0;
    for (int c = 0; c < bCols.length; c++) {
      double diff = bCols[c][j] - a[offset + c];
      d2 = Math.fma(diff, diff, d2);
    }
    return d2;
  }
}

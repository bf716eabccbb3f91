package io.diffmix.core.metrics;

/** {@link KernelSums} in plain Java: one {@code Math.exp} per pair. */
final class ScalarKernelSums implements KernelSums {
  @Override
  public double rowSum(double[] a, int offset, double[][] bCols, int from, int to, double gamma) {
    return sum(a, offset, bCols, from, to, gamma);
  }

  /** The plain loop, also the Vector API's tail. */
  static double sum(double[] a, int offset, double[][] bCols, int from, int to, double gamma) {
    double sum = 0;
    int d = bCols.length;
    for (int j = from; j < to; j++) {
      double d2 = 0;
      for (int c = 0; c < d; c++) {
        double diff = a[offset + c] - bCols[c][j];
        d2 += diff * diff;
      }
      sum += Math.exp(-gamma * d2);
    }
    return sum;
  }

  @Override
  public double distanceSum(double[] a, int offset, double[][] bCols, int from, int to) {
    return distances(a, offset, bCols, from, to);
  }

  /** The plain loop of distances, also the Vector API's tail. */
  static double distances(double[] a, int offset, double[][] bCols, int from, int to) {
    double sum = 0;
    int d = bCols.length;
    for (int j = from; j < to; j++) {
      double d2 = 0;
      for (int c = 0; c < d; c++) {
        double diff = a[offset + c] - bCols[c][j];
        d2 += diff * diff;
      }
      sum += Math.sqrt(d2);
    }
    return sum;
  }

  @Override
  public String name() {
    return "scalar";
  }
}

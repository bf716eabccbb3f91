package io.diffmix.core.metrics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelSums} with the Vector API: the squared distances on whole vectors. Loaded only when the JVM has
 * the {@code jdk.incubator.vector} module.
 *
 * <p>Only operations that IEEE 754 rounds exactly run on vectors (sub, fma, add, mul, sqrt), with {@link ExactExp}
 * for the exponential, and the lanes are summed in index order: the Vector API's EXP and its floating-point
 * reduceLanes(ADD) leave their last bits (and the order of the sum) to the implementation, which is one in the
 * interpreter and another in C2's intrinsics, so a JVM that had compiled the kernel gave other bits than one
 * that had not (compare's local engine and its Spark executors differed in MMD's 13th digit). The rows past the
 * last whole vector take the same formula one at a time.
 */
final class VectorKernelSums implements KernelSums {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  @Override
  public double rowSum(double[] a, int offset, double[][] bCols, int from, int to, double gamma) {
    int d = bCols.length;
    int lanes = SPECIES.length();
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int j = from;
    for (; j <= to - lanes; j += lanes) {
      DoubleVector d2 = DoubleVector.zero(SPECIES);
      for (int c = 0; c < d; c++) {
        DoubleVector diff = DoubleVector.fromArray(SPECIES, bCols[c], j).sub(a[offset + c]);
        d2 = diff.fma(diff, d2);
      }
      acc = acc.add(ExactExp.exp(d2.mul(-gamma), SPECIES));
    }
    double tail = 0;
    for (; j < to; j++) {
      double d2 = 0;
      for (int c = 0; c < d; c++) {
        double diff = bCols[c][j] - a[offset + c];
        d2 = Math.fma(diff, diff, d2);
      }
      tail += ExactExp.exp(-gamma * d2);
    }
    return inOrder(acc.toArray()) + tail;
  }

  @Override
  public double distanceSum(double[] a, int offset, double[][] bCols, int from, int to) {
    int d = bCols.length;
    int lanes = SPECIES.length();
    DoubleVector acc = DoubleVector.zero(SPECIES);
    int j = from;
    for (; j <= to - lanes; j += lanes) {
      DoubleVector d2 = DoubleVector.zero(SPECIES);
      for (int c = 0; c < d; c++) {
        DoubleVector diff = DoubleVector.fromArray(SPECIES, bCols[c], j).sub(a[offset + c]);
        d2 = diff.fma(diff, d2);
      }
      acc = acc.add(d2.lanewise(VectorOperators.SQRT));
    }
    return inOrder(acc.toArray()) + ScalarKernelSums.distances(a, offset, bCols, j, to);
  }

  /** The lanes' sum, lane 0 first. */
  private static double inOrder(double[] lanes) {
    double s = 0;
    for (double v : lanes) {
      s += v;
    }
    return s;
  }

  @Override
  public String name() {
    return "jdk.incubator.vector (" + SPECIES.length() + " lanes)";
  }
}

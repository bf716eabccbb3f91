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
 * last whole vector take the same formula one at a time. While C2 has not yet compiled the vectors, most of each
 * row runs on the same lanes in plain Java instead ({@link VectorWarmUp}), with the same bits.
 */
final class VectorKernelSums implements KernelSums {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  static {
    // a probe must end on a whole vector, or its columns would be counted twice
    if (VectorWarmUp.PROBE % SPECIES.length() != 0) {
      throw new IllegalStateException(VectorWarmUp.PROBE + " probe columns are not whole vectors of "
          + SPECIES.length() + " lanes");
    }
  }

  private final VectorWarmUp expWarmUp;
  private final VectorWarmUp distanceWarmUp;

  VectorKernelSums() {
    this(new VectorWarmUp(), new VectorWarmUp());
  }

  /** With given warm-ups, so that tests can hold either path. */
  VectorKernelSums(VectorWarmUp expWarmUp, VectorWarmUp distanceWarmUp) {
    this.expWarmUp = expWarmUp;
    this.distanceWarmUp = distanceWarmUp;
  }

  @Override
  public double rowSum(double[] a, int offset, double[][] bCols, int from, int to, double gamma) {
    int whole = from + (to - from) / SPECIES.length() * SPECIES.length();
    int rest = whole - from - VectorWarmUp.PROBE;
    double[] acc = new double[SPECIES.length()];
    if (expWarmUp.vectorsFaster()) {
      expLanes(acc, a, offset, bCols, from, whole, gamma);
    } else if (rest < VectorWarmUp.PROBE) {
      // too short a row to time: the plain lanes
      LaneSums.addExp(acc, a, offset, bCols, from, whole, gamma);
    } else {
      long t0 = System.nanoTime();
      for (int j = from; j < from + VectorWarmUp.PROBE; j += SPECIES.length()) {
        expLanes(acc, a, offset, bCols, j, j + SPECIES.length(), gamma);
      }
      long t1 = System.nanoTime();
      LaneSums.addExp(acc, a, offset, bCols, from + VectorWarmUp.PROBE, whole, gamma);
      expWarmUp.record(t1 - t0, VectorWarmUp.PROBE, System.nanoTime() - t1, rest);
    }
    return LaneSums.inOrder(acc) + LaneSums.expTail(a, offset, bCols, whole, to, gamma);
  }

  @Override
  public double distanceSum(double[] a, int offset, double[][] bCols, int from, int to) {
    int whole = from + (to - from) / SPECIES.length() * SPECIES.length();
    int rest = whole - from - VectorWarmUp.PROBE;
    double[] acc = new double[SPECIES.length()];
    if (distanceWarmUp.vectorsFaster()) {
      distanceLanes(acc, a, offset, bCols, from, whole);
    } else if (rest < VectorWarmUp.PROBE) {
      // too short a row to time: the plain lanes
      LaneSums.addDistance(acc, a, offset, bCols, from, whole);
    } else {
      long t0 = System.nanoTime();
      for (int j = from; j < from + VectorWarmUp.PROBE; j += SPECIES.length()) {
        distanceLanes(acc, a, offset, bCols, j, j + SPECIES.length());
      }
      long t1 = System.nanoTime();
      LaneSums.addDistance(acc, a, offset, bCols, from + VectorWarmUp.PROBE, whole);
      distanceWarmUp.record(t1 - t0, VectorWarmUp.PROBE, System.nanoTime() - t1, rest);
    }
    return LaneSums.inOrder(acc) + ScalarKernelSums.distances(a, offset, bCols, whole, to);
  }

  /** acc[l] += Σ exp(−γ·|a − b_{j+l}|²) over the whole vectors of columns [from, to). */
  private static void expLanes(double[] acc, double[] a, int offset, double[][] bCols, int from, int to,
      double gamma) {
    DoubleVector sum = DoubleVector.fromArray(SPECIES, acc, 0);
    for (int j = from; j < to; j += SPECIES.length()) {
      sum = sum.add(ExactExp.exp(squaredDistances(a, offset, bCols, j).mul(-gamma), SPECIES));
    }
    sum.intoArray(acc, 0);
  }

  /** acc[l] += Σ |a − b_{j+l}| over the whole vectors of columns [from, to). */
  private static void distanceLanes(double[] acc, double[] a, int offset, double[][] bCols, int from, int to) {
    DoubleVector sum = DoubleVector.fromArray(SPECIES, acc, 0);
    for (int j = from; j < to; j += SPECIES.length()) {
      sum = sum.add(squaredDistances(a, offset, bCols, j).lanewise(VectorOperators.SQRT));
    }
    sum.intoArray(acc, 0);
  }

  /** |a − b_{j+l}|² in lane l: Σ_c (b_c − a_c)² by fma, coordinate 0 first. */
  private static DoubleVector squaredDistances(double[] a, int offset, double[][] bCols, int j) {
    DoubleVector d2 = DoubleVector.zero(SPECIES);
    for (int c = 0; c < bCols.length; c++) {
      DoubleVector diff = DoubleVector.fromArray(SPECIES, bCols[c], j).sub(a[offset + c]);
      d2 = diff.fma(diff, d2);
    }
    return d2;
  }

  @Override
  public String name() {
    return "jdk.incubator.vector (" + SPECIES.length() + " lanes)";
  }
}

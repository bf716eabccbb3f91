package io.diffmix.core.metrics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelSums} with the Vector API: exp on whole vectors. Loaded only when the JVM has the
 * {@code jdk.incubator.vector} module. The lanes are reduced in a fixed order, so the sum does not depend on
 * the thread that computes it.
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
      acc = acc.add(d2.mul(-gamma).lanewise(VectorOperators.EXP));
    }
    return acc.reduceLanes(VectorOperators.ADD) + ScalarKernelSums.sum(a, offset, bCols, j, to, gamma);
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
    return acc.reduceLanes(VectorOperators.ADD) + ScalarKernelSums.distances(a, offset, bCols, j, to);
  }

  @Override
  public String name() {
    return "jdk.incubator.vector (" + SPECIES.length() + " lanes)";
  }
}

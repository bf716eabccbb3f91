package io.diffmix.core.metrics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * e^x for x ≤ 0 on whole vectors, from operations IEEE 754 rounds exactly (fma, add, mul by powers of two, integer
 * shifts), so that every JVM gives the same bits, interpreted or compiled. The Vector API's own EXP leaves its last
 * bits to the implementation. Within about 1 ulp of Math.exp ({@code VectorKernelSumsTest}).
 *
 * <p>The classic reduction (fdlibm's e_exp.c): k = round(x/ln 2), r = x − k ln2_hi − k ln2_lo with |r| ≤ ln 2 / 2,
 * e^r by its Taylor series to degree 13 in Horner form (the remainder is below 2e-17 relative), then 2^k as two
 * factors 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋), each a normal double, so that results down to the subnormals round once.
 * Below −745.2, where e^x rounds to 0, the result is 0.
 */
final class ExactExp {
  private ExactExp() {}

  private static final double LOG2E = 1.4426950408889634;
  /** fdlibm's ln2_hi, whose low 32 bits are zero, and ln2_lo = ln 2 − ln2_hi. */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  /** 1.5 · 2^52: adding it rounds to an integer, in the low bits. */
  private static final double SHIFT = 0x1.8p52;
  private static final double UNDERFLOW = -745.2;
  /** 1/13!, 1/12!, ..., 1/1!, 1/0!: Horner's coefficients, highest first. */
  private static final double[] C = taylor(13);

  private static double[] taylor(int degree) {
    double[] c = new double[degree + 1];
    double f = 1;
    for (int i = 1; i <= degree; i++) {
      f *= i;
    }
    for (int i = degree; i >= 0; i--) {
      c[degree - i] = 1 / f;
      f /= Math.max(i, 1);
    }
    return c;
  }

  /** The same function on one double, step for step: the reference the vector form must equal. */
  static double exp(double x) {
    if (x < UNDERFLOW) {
      return 0;
    }
    double k = Math.fma(x, LOG2E, SHIFT) - SHIFT;
    double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, x));
    double p = C[0];
    for (int i = 1; i < C.length; i++) {
      p = Math.fma(p, r, C[i]);
    }
    long kl = (long) k;
    long k1 = kl >> 1;
    long k2 = kl - k1;
    return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
  }

  private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);

  /** e^x lane by lane, as {@link #exp(double)} computes it. */
  static DoubleVector exp(DoubleVector x, VectorSpecies<Double> species) {
    DoubleVector t = x.fma(LOG2E, SHIFT);
    DoubleVector k = t.sub(SHIFT);
    DoubleVector minusK = k.neg();
    DoubleVector r = minusK.fma(DoubleVector.broadcast(species, LN2_LO),
        minusK.fma(DoubleVector.broadcast(species, LN2_HI), x));
    DoubleVector p = DoubleVector.broadcast(species, C[0]);
    for (int i = 1; i < C.length; i++) {
      p = p.fma(r, DoubleVector.broadcast(species, C[i]));
    }
    // t = 1.5·2^52 + k, so its bits are SHIFT's plus k: the integer without a conversion
    LongVector kl = t.reinterpretAsLongs().sub(SHIFT_BITS);
    LongVector k1 = kl.lanewise(VectorOperators.ASHR, 1);
    LongVector k2 = kl.sub(k1);
    DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector s2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector e = p.mul(s1).mul(s2);
    return e.blend(0.0, x.compare(VectorOperators.LT, UNDERFLOW));
  }
}

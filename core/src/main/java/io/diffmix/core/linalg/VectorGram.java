package io.diffmix.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gram} with the Vector API, 4 lanes. A tile of 4 rows a × 2 vectors of columns b of G lives in 8 vector
 * registers while the kernel streams over a block of rows of X: per row, 4 broadcasts of x[r][a] and 2 vector
 * loads of x[r][b..] feed 8 fused multiply-adds. A 4 × 3 tile has fewer loads per fma on paper, but its 12
 * accumulators, 3 loads and a broadcast need all 16 AVX2 registers, and C2 spilled: it ran at half the speed. Each lane is one entry of G and sums its own chain in row
 * order, so the result is the scalar kernel's to the bit.
 *
 * <p>Each block of rows is first packed into panels of 4 columns, each panel's rows contiguous, so that a tile
 * streams through 4 sequential panels instead of striding across rows of X (1.4 times faster at p = 165 and 495,
 * scripts/gram-vs-numpy.sh). G is accumulated in a copy padded to whole panels, so no load or store needs a
 * mask; only its upper triangle goes back.
 *
 * <p>Loaded only when the JVM has {@code jdk.incubator.vector} and vectors of at least 4 doubles.
 */
final class VectorGram implements Gram {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
  /** Rows per block: the packed block should stay in a 512 KiB L2. */
  private static final int BLOCK_BYTES = 384 * 1024;
  /** Per thread: the padded G and the packed block, reused across calls. */
  private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

  VectorGram() {
    if (DoubleVector.SPECIES_PREFERRED.length() < S.length()) {
      // without 256-bit vectors the Vector API emulates them, far slower than the scalar kernel
      throw new UnsupportedOperationException("vectors of " + DoubleVector.SPECIES_PREFERRED.length() + " doubles");
    }
  }

  @Override
  public void accumulateUpper(double[] x, int xOff, int m, int p, int ld, double[] g) {
    int groups = (p + 3) >> 2;
    int pp = groups << 2;
    int rows = Math.max(16, BLOCK_BYTES / (Double.BYTES * pp));
    double[][] scratch = SCRATCH.get();
    if (scratch[0].length < pp * pp) {
      scratch[0] = new double[pp * pp];
    }
    if (scratch[1].length < rows * pp) {
      scratch[1] = new double[rows * pp];
    }
    double[] gp = scratch[0];
    double[] pk = scratch[1];
    for (int a = 0; a < p; a++) {
      System.arraycopy(g, a * p + a, gp, a * pp + a, p - a);
    }
    for (int r0 = 0; r0 < m; r0 += rows) {
      int r1 = Math.min(m, r0 + rows);
      int len = r1 - r0;
      pack(x, xOff, ld, r0, r1, p, groups, pk);
      for (int ja = 0; ja < groups; ja++) {
        int jb = ja;
        for (; jb + 2 <= groups; jb += 2) {
          tile2(pk, len, ja, jb, gp, pp);
        }
        for (; jb < groups; jb++) {
          tile1(pk, len, ja, jb, gp, pp);
        }
      }
    }
    for (int a = 0; a < p; a++) {
      System.arraycopy(gp, a * pp + a, g, a * p + a, p - a);
    }
  }

  /** Panel j (columns 4j … 4j + 3) of rows r0 … r1 − 1 → pk[(j·len + r)·4 + lane], zero past p. */
  private static void pack(double[] x, int xOff, int ld, int r0, int r1, int p, int groups, double[] pk) {
    int len = r1 - r0;
    int full = p >> 2;
    for (int r = 0; r < len; r++) {
      int o = xOff + (r0 + r) * ld;
      for (int j = 0; j < full; j++) {
        int q = (j * len + r) << 2;
        pk[q] = x[o + 4 * j];
        pk[q + 1] = x[o + 4 * j + 1];
        pk[q + 2] = x[o + 4 * j + 2];
        pk[q + 3] = x[o + 4 * j + 3];
      }
      if (full < groups) {
        int q = (full * len + r) << 2;
        for (int lane = 0; lane < 4; lane++) {
          int col = 4 * full + lane;
          pk[q + lane] = col < p ? x[o + col] : 0;
        }
      }
    }
  }

  /** Rows 4ja … 4ja + 3 × columns of panels jb and jb + 1 of the padded G, over the packed block. */
  private static void tile2(double[] pk, int len, int ja, int jb, double[] gp, int pp) {
    int ab = (ja * len) << 2;
    int b0 = (jb * len) << 2;
    int b1 = ((jb + 1) * len) << 2;
    int g0 = (ja << 2) * pp + (jb << 2);
    int g1 = g0 + pp;
    int g2 = g1 + pp;
    int g3 = g2 + pp;
    DoubleVector c00 = DoubleVector.fromArray(S, gp, g0);
    DoubleVector c01 = DoubleVector.fromArray(S, gp, g0 + 4);
    DoubleVector c10 = DoubleVector.fromArray(S, gp, g1);
    DoubleVector c11 = DoubleVector.fromArray(S, gp, g1 + 4);
    DoubleVector c20 = DoubleVector.fromArray(S, gp, g2);
    DoubleVector c21 = DoubleVector.fromArray(S, gp, g2 + 4);
    DoubleVector c30 = DoubleVector.fromArray(S, gp, g3);
    DoubleVector c31 = DoubleVector.fromArray(S, gp, g3 + 4);
    for (int r = 0; r < (len << 2); r += 4) {
      DoubleVector v0 = DoubleVector.fromArray(S, pk, b0 + r);
      DoubleVector v1 = DoubleVector.fromArray(S, pk, b1 + r);
      DoubleVector s = DoubleVector.broadcast(S, pk[ab + r]);
      c00 = v0.fma(s, c00);
      c01 = v1.fma(s, c01);
      s = DoubleVector.broadcast(S, pk[ab + r + 1]);
      c10 = v0.fma(s, c10);
      c11 = v1.fma(s, c11);
      s = DoubleVector.broadcast(S, pk[ab + r + 2]);
      c20 = v0.fma(s, c20);
      c21 = v1.fma(s, c21);
      s = DoubleVector.broadcast(S, pk[ab + r + 3]);
      c30 = v0.fma(s, c30);
      c31 = v1.fma(s, c31);
    }
    c00.intoArray(gp, g0);
    c01.intoArray(gp, g0 + 4);
    c10.intoArray(gp, g1);
    c11.intoArray(gp, g1 + 4);
    c20.intoArray(gp, g2);
    c21.intoArray(gp, g2 + 4);
    c30.intoArray(gp, g3);
    c31.intoArray(gp, g3 + 4);
  }

  /** Rows 4ja … 4ja + 3 × the columns of panel jb. */
  private static void tile1(double[] pk, int len, int ja, int jb, double[] gp, int pp) {
    int ab = (ja * len) << 2;
    int b0 = (jb * len) << 2;
    int g0 = (ja << 2) * pp + (jb << 2);
    DoubleVector c0 = DoubleVector.fromArray(S, gp, g0);
    DoubleVector c1 = DoubleVector.fromArray(S, gp, g0 + pp);
    DoubleVector c2 = DoubleVector.fromArray(S, gp, g0 + 2 * pp);
    DoubleVector c3 = DoubleVector.fromArray(S, gp, g0 + 3 * pp);
    for (int r = 0; r < (len << 2); r += 4) {
      DoubleVector v = DoubleVector.fromArray(S, pk, b0 + r);
      c0 = v.fma(DoubleVector.broadcast(S, pk[ab + r]), c0);
      c1 = v.fma(DoubleVector.broadcast(S, pk[ab + r + 1]), c1);
      c2 = v.fma(DoubleVector.broadcast(S, pk[ab + r + 2]), c2);
      c3 = v.fma(DoubleVector.broadcast(S, pk[ab + r + 3]), c3);
    }
    c0.intoArray(gp, g0);
    c1.intoArray(gp, g0 + pp);
    c2.intoArray(gp, g0 + 2 * pp);
    c3.intoArray(gp, g0 + 3 * pp);
  }

  @Override
  public String name() {
    return "vector-api (4 lanes, fma, packed panels)";
  }
}

package io.diffmix.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Gram} with the Vector API. A tile of 4 rows a × 3 vectors of columns b of G lives in 12 vector
 * registers while the kernel streams over a block of rows of X: per row, 4 broadcasts of x[r][a] and 3 vector
 * loads of x[r][b..] feed 12 fused multiply-adds. Each lane is one entry of G and sums its own chain in row
 * order, so the result is the scalar kernel's to the bit.
 *
 * <p>Loaded only when the JVM has {@code jdk.incubator.vector}.
 */
final class VectorGram implements Gram {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Rows of X per pass: a pass reads them once per tile, so they should stay in a 256 KiB L2. */
  private static final int BLOCK_BYTES = 192 * 1024;
  /** Tile height: rows a of G per tile. */
  private static final int A = 4;

  /** Row a0 + j of a tile keeps, in the vector that starts at column a0, the lanes i ≥ j. */
  @SuppressWarnings("unchecked")
  private static final VectorMask<Double>[] UPPER = new VectorMask[A];

  static {
    for (int j = 0; j < A; j++) {
      UPPER[j] = S.indexInRange(-j, L);
    }
  }

  @Override
  public void accumulateUpper(double[] x, int xOff, int m, int p, int ld, double[] g) {
    if (L < A) {
      // the tiles assume a vector spans a tile's height; narrower machines take the scalar kernel
      ScalarGram.INSTANCE.accumulateUpper(x, xOff, m, p, ld, g);
      return;
    }
    int rows = Math.max(16, BLOCK_BYTES / (Double.BYTES * ld));
    for (int r0 = 0; r0 < m; r0 += rows) {
      int r1 = Math.min(m, r0 + rows);
      for (int a0 = 0; a0 < p; a0 += A) {
        int b = a0;
        if (a0 + A <= p) {
          for (; b + 3 * L <= p; b += 3 * L) {
            tile4x3(x, xOff, ld, r0, r1, a0, b, g, p);
          }
          for (; b + L <= p; b += L) {
            tile4x1(x, xOff, ld, r0, r1, a0, b, g, p);
          }
          if (b < p) {
            // the last columns, fewer than a vector: whole-vector loads whose extra lanes are dropped
            partial4x1(x, xOff, ld, r0, r1, a0, b, g, p);
            b = p;
          }
        }
        tail(x, xOff, ld, r0, r1, a0, Math.min(p, a0 + A), b, g, p);
      }
    }
  }

  private static void tile4x3(double[] x, int xOff, int ld, int r0, int r1, int a0, int b, double[] g, int p) {
    int g0 = a0 * p + b;
    int g1 = g0 + p;
    int g2 = g1 + p;
    int g3 = g2 + p;
    DoubleVector c00 = DoubleVector.fromArray(S, g, g0);
    DoubleVector c01 = DoubleVector.fromArray(S, g, g0 + L);
    DoubleVector c02 = DoubleVector.fromArray(S, g, g0 + 2 * L);
    DoubleVector c10 = DoubleVector.fromArray(S, g, g1);
    DoubleVector c11 = DoubleVector.fromArray(S, g, g1 + L);
    DoubleVector c12 = DoubleVector.fromArray(S, g, g1 + 2 * L);
    DoubleVector c20 = DoubleVector.fromArray(S, g, g2);
    DoubleVector c21 = DoubleVector.fromArray(S, g, g2 + L);
    DoubleVector c22 = DoubleVector.fromArray(S, g, g2 + 2 * L);
    DoubleVector c30 = DoubleVector.fromArray(S, g, g3);
    DoubleVector c31 = DoubleVector.fromArray(S, g, g3 + L);
    DoubleVector c32 = DoubleVector.fromArray(S, g, g3 + 2 * L);
    for (int r = r0, o = xOff + r0 * ld; r < r1; r++, o += ld) {
      DoubleVector v0 = DoubleVector.fromArray(S, x, o + b);
      DoubleVector v1 = DoubleVector.fromArray(S, x, o + b + L);
      DoubleVector v2 = DoubleVector.fromArray(S, x, o + b + 2 * L);
      DoubleVector s = DoubleVector.broadcast(S, x[o + a0]);
      c00 = v0.fma(s, c00);
      c01 = v1.fma(s, c01);
      c02 = v2.fma(s, c02);
      s = DoubleVector.broadcast(S, x[o + a0 + 1]);
      c10 = v0.fma(s, c10);
      c11 = v1.fma(s, c11);
      c12 = v2.fma(s, c12);
      s = DoubleVector.broadcast(S, x[o + a0 + 2]);
      c20 = v0.fma(s, c20);
      c21 = v1.fma(s, c21);
      c22 = v2.fma(s, c22);
      s = DoubleVector.broadcast(S, x[o + a0 + 3]);
      c30 = v0.fma(s, c30);
      c31 = v1.fma(s, c31);
      c32 = v2.fma(s, c32);
    }
    store(c00, g, g0, b == a0, 0);
    store(c10, g, g1, b == a0, 1);
    store(c20, g, g2, b == a0, 2);
    store(c30, g, g3, b == a0, 3);
    c01.intoArray(g, g0 + L);
    c02.intoArray(g, g0 + 2 * L);
    c11.intoArray(g, g1 + L);
    c12.intoArray(g, g1 + 2 * L);
    c21.intoArray(g, g2 + L);
    c22.intoArray(g, g2 + 2 * L);
    c31.intoArray(g, g3 + L);
    c32.intoArray(g, g3 + 2 * L);
  }

  private static void tile4x1(double[] x, int xOff, int ld, int r0, int r1, int a0, int b, double[] g, int p) {
    int g0 = a0 * p + b;
    DoubleVector c0 = DoubleVector.fromArray(S, g, g0);
    DoubleVector c1 = DoubleVector.fromArray(S, g, g0 + p);
    DoubleVector c2 = DoubleVector.fromArray(S, g, g0 + 2 * p);
    DoubleVector c3 = DoubleVector.fromArray(S, g, g0 + 3 * p);
    for (int r = r0, o = xOff + r0 * ld; r < r1; r++, o += ld) {
      DoubleVector v = DoubleVector.fromArray(S, x, o + b);
      c0 = v.fma(DoubleVector.broadcast(S, x[o + a0]), c0);
      c1 = v.fma(DoubleVector.broadcast(S, x[o + a0 + 1]), c1);
      c2 = v.fma(DoubleVector.broadcast(S, x[o + a0 + 2]), c2);
      c3 = v.fma(DoubleVector.broadcast(S, x[o + a0 + 3]), c3);
    }
    store(c0, g, g0, b == a0, 0);
    store(c1, g, g0 + p, b == a0, 1);
    store(c2, g, g0 + 2 * p, b == a0, 2);
    store(c3, g, g0 + 3 * p, b == a0, 3);
  }

  /**
   * Four rows a × the last p − b (fewer than a vector) columns. The loads take whole vectors: their extra lanes
   * read the next row of X, which is harmless because those lanes are never stored. Only a load past the end
   * of the array goes through a copy. G is read and written with a mask, once per pass.
   */
  private static void partial4x1(double[] x, int xOff, int ld, int r0, int r1, int a0, int b, double[] g,
      int p) {
    VectorMask<Double> cols = S.indexInRange(b, p);
    int g0 = a0 * p + b;
    DoubleVector c0 = DoubleVector.fromArray(S, g, g0, cols);
    DoubleVector c1 = DoubleVector.fromArray(S, g, g0 + p, cols);
    DoubleVector c2 = DoubleVector.fromArray(S, g, g0 + 2 * p, cols);
    DoubleVector c3 = DoubleVector.fromArray(S, g, g0 + 3 * p, cols);
    double[] last = new double[L];
    for (int r = r0, o = xOff + r0 * ld; r < r1; r++, o += ld) {
      DoubleVector v;
      if (o + b + L <= x.length) {
        v = DoubleVector.fromArray(S, x, o + b);
      } else {
        System.arraycopy(x, o + b, last, 0, p - b);
        v = DoubleVector.fromArray(S, last, 0);
      }
      c0 = v.fma(DoubleVector.broadcast(S, x[o + a0]), c0);
      c1 = v.fma(DoubleVector.broadcast(S, x[o + a0 + 1]), c1);
      c2 = v.fma(DoubleVector.broadcast(S, x[o + a0 + 2]), c2);
      c3 = v.fma(DoubleVector.broadcast(S, x[o + a0 + 3]), c3);
    }
    c0.intoArray(g, g0, b == a0 ? cols.and(UPPER[0]) : cols);
    c1.intoArray(g, g0 + p, b == a0 ? cols.and(UPPER[1]) : cols);
    c2.intoArray(g, g0 + 2 * p, b == a0 ? cols.and(UPPER[2]) : cols);
    c3.intoArray(g, g0 + 3 * p, b == a0 ? cols.and(UPPER[3]) : cols);
  }

  /** A tile's vector back into G; on the diagonal, only its lanes on or above it. */
  private static void store(DoubleVector c, double[] g, int at, boolean diagonal, int j) {
    if (diagonal) {
      c.intoArray(g, at, UPPER[j]);
    } else {
      c.intoArray(g, at);
    }
  }

  /** Rows a in [a0, a1), columns b in [from, p) with b ≥ a: the part no whole vector covers. */
  private static void tail(double[] x, int xOff, int ld, int r0, int r1, int a0, int a1, int from, double[] g,
      int p) {
    for (int a = a0; a < a1; a++) {
      for (int b = Math.max(a, from); b < p; b++) {
        double acc = g[a * p + b];
        for (int r = r0, o = xOff + r0 * ld; r < r1; r++, o += ld) {
          acc = Math.fma(x[o + a], x[o + b], acc);
        }
        g[a * p + b] = acc;
      }
    }
  }

  @Override
  public String name() {
    return "vector-api (" + L + " lanes, fma)";
  }
}

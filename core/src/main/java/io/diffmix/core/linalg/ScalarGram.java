package io.diffmix.core.linalg;

/**
 * {@link Gram} in plain Java. A tile of 4 rows a × 4 columns b of G lives in 16 local variables while the
 * kernel streams over the rows of X: 8 loads feed 16 fused multiply-adds, with 16 independent chains, so the
 * loop is bound by throughput rather than by the fma's latency. The JIT compiles it within a few calls, where
 * the Vector API's kernel needs many more before it stops running through its slow fallback; small Grams,
 * which are many short calls, are faster here.
 */
final class ScalarGram implements Gram {
  static final ScalarGram INSTANCE = new ScalarGram();
  /** Rows of X per pass: a pass reads them once per tile, so they should stay in a 256 KiB L2. */
  private static final int BLOCK_BYTES = 192 * 1024;

  private ScalarGram() {}

  @Override
  public void accumulateUpper(double[] x, int xOff, int m, int p, int ld, double[] g) {
    int rows = Math.max(16, BLOCK_BYTES / (Double.BYTES * ld));
    for (int r0 = 0; r0 < m; r0 += rows) {
      int r1 = Math.min(m, r0 + rows);
      int a0 = 0;
      for (; a0 + 4 <= p; a0 += 4) {
        int b = a0;
        for (; b + 4 <= p; b += 4) {
          tile(x, xOff, ld, r0, r1, a0, b, g, p);
        }
        for (; b < p; b++) {
          strip(x, xOff, ld, r0, r1, a0, b, g, p);
        }
      }
      for (int a = a0; a < p; a++) {
        for (int c = a; c < p; c++) {
          entry(x, xOff, ld, r0, r1, a, c, g, p);
        }
      }
    }
  }

  private static void tile(double[] x, int xOff, int ld, int r0, int r1, int a0, int b, double[] g, int p) {
    int g0 = a0 * p + b;
    int g1 = g0 + p;
    int g2 = g1 + p;
    int g3 = g2 + p;
    double c00 = g[g0], c01 = g[g0 + 1], c02 = g[g0 + 2], c03 = g[g0 + 3];
    double c10 = g[g1], c11 = g[g1 + 1], c12 = g[g1 + 2], c13 = g[g1 + 3];
    double c20 = g[g2], c21 = g[g2 + 1], c22 = g[g2 + 2], c23 = g[g2 + 3];
    double c30 = g[g3], c31 = g[g3 + 1], c32 = g[g3 + 2], c33 = g[g3 + 3];
    for (int o = xOff + r0 * ld, end = xOff + r1 * ld; o < end; o += ld) {
      double a0v = x[o + a0], a1v = x[o + a0 + 1], a2v = x[o + a0 + 2], a3v = x[o + a0 + 3];
      double b0 = x[o + b], b1 = x[o + b + 1], b2 = x[o + b + 2], b3 = x[o + b + 3];
      c00 = Math.fma(a0v, b0, c00);
      c01 = Math.fma(a0v, b1, c01);
      c02 = Math.fma(a0v, b2, c02);
      c03 = Math.fma(a0v, b3, c03);
      c10 = Math.fma(a1v, b0, c10);
      c11 = Math.fma(a1v, b1, c11);
      c12 = Math.fma(a1v, b2, c12);
      c13 = Math.fma(a1v, b3, c13);
      c20 = Math.fma(a2v, b0, c20);
      c21 = Math.fma(a2v, b1, c21);
      c22 = Math.fma(a2v, b2, c22);
      c23 = Math.fma(a2v, b3, c23);
      c30 = Math.fma(a3v, b0, c30);
      c31 = Math.fma(a3v, b1, c31);
      c32 = Math.fma(a3v, b2, c32);
      c33 = Math.fma(a3v, b3, c33);
    }
    g[g0] = c00;
    g[g0 + 1] = c01;
    g[g0 + 2] = c02;
    g[g0 + 3] = c03;
    if (b == a0) {
      // on the diagonal: the entries below it were computed alongside but are not G's to keep
      g[g1 + 1] = c11;
      g[g1 + 2] = c12;
      g[g1 + 3] = c13;
      g[g2 + 2] = c22;
      g[g2 + 3] = c23;
      g[g3 + 3] = c33;
      return;
    }
    g[g1] = c10;
    g[g1 + 1] = c11;
    g[g1 + 2] = c12;
    g[g1 + 3] = c13;
    g[g2] = c20;
    g[g2 + 1] = c21;
    g[g2 + 2] = c22;
    g[g2 + 3] = c23;
    g[g3] = c30;
    g[g3 + 1] = c31;
    g[g3 + 2] = c32;
    g[g3 + 3] = c33;
  }

  /** Rows a0 … a0 + 3 of one column b ≥ a0 + 3: four independent chains. */
  private static void strip(double[] x, int xOff, int ld, int r0, int r1, int a0, int b, double[] g, int p) {
    int g0 = a0 * p + b;
    double c0 = g[g0], c1 = g[g0 + p], c2 = g[g0 + 2 * p], c3 = g[g0 + 3 * p];
    for (int o = xOff + r0 * ld, end = xOff + r1 * ld; o < end; o += ld) {
      double xb = x[o + b];
      c0 = Math.fma(x[o + a0], xb, c0);
      c1 = Math.fma(x[o + a0 + 1], xb, c1);
      c2 = Math.fma(x[o + a0 + 2], xb, c2);
      c3 = Math.fma(x[o + a0 + 3], xb, c3);
    }
    g[g0] = c0;
    g[g0 + p] = c1;
    g[g0 + 2 * p] = c2;
    g[g0 + 3 * p] = c3;
  }

  /** One entry's chain over the pass's rows. */
  private static void entry(double[] x, int xOff, int ld, int r0, int r1, int a, int b, double[] g, int p) {
    double acc = g[a * p + b];
    for (int o = xOff + r0 * ld, end = xOff + r1 * ld; o < end; o += ld) {
      acc = Math.fma(x[o + a], x[o + b], acc);
    }
    g[a * p + b] = acc;
  }

  @Override
  public String name() {
    return "scalar (4 x 4 tiles, fma)";
  }
}

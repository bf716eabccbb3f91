package io.diffmix.regression;

/**
 * Rows in transposed blocks, and the unit-stride kernels that EM and k-means run over them.
 *
 * <p>A block holds up to {@link #BLOCK} rows coordinate-major, {@code xt[a·BLOCK + i]}, so that each kernel's
 * loop runs over the block's rows with unit stride and the JIT compiles it to vector instructions. The kernels
 * are few and small: the JIT compiles each within the first blocks of a fit, k-means compiles for EM the ones
 * they share, and the loops the passes spend their time in run compiled while a pass's own body may still be
 * interpreted. A fit on a fresh JVM spends much of its time compiling, so every kernel fewer counts.
 */
final class RowBlocks {
  /** Rows per block: a block's differences for all components, k·n·BLOCK doubles, stay in cache. */
  static final int BLOCK = 256;

  private RowBlocks() {}

  /** Copies rows [start, start + m) of {@code data} (n columns) into xt, transposed. */
  static void transpose(double[] data, int n, int start, int m, double[] xt) {
    for (int i = 0; i < m; i++) {
      int off = (start + i) * n;
      for (int a = 0; a < n; a++) {
        xt[a * BLOCK + i] = data[off + a];
      }
    }
  }

  /**
   * dist[j·BLOCK + i] = |x_i − c_j|² for the block's m rows and the k centres (row-major, k × n); t is scratch
   * of BLOCK doubles.
   */
  static void squaredDistances(double[] xt, int n, int m, double[] centres, int k, double[] dist, double[] t) {
    for (int j = 0; j < k; j++) {
      int o = j * BLOCK;
      java.util.Arrays.fill(dist, o, o + m, 0);
      for (int a = 0; a < n; a++) {
        subtract(xt, a * BLOCK, centres[j * n + a], t, 0, m);
        addSquare(dist, o, t, m);
      }
    }
  }

  /** d[do + i] = x[xo + i] − c. */
  static void subtract(double[] x, int xo, double c, double[] d, int dOff, int m) {
    for (int i = 0; i < m; i++) {
      d[dOff + i] = x[xo + i] - c;
    }
  }

  /** v[vo + i] += p·d[do + i]. */
  static void axpy(double[] v, int vo, double p, double[] d, int dOff, int m) {
    for (int i = 0; i < m; i++) {
      v[vo + i] += p * d[dOff + i];
    }
  }

  /** q[qo + i] += v[i]². */
  static void addSquare(double[] q, int qo, double[] v, int m) {
    for (int i = 0; i < m; i++) {
      q[qo + i] += v[i] * v[i];
    }
  }

  /** w[wo + i] = r[ro + i]·d[do + i], and returns their sum. */
  static double product(double[] r, int ro, double[] d, int dOff, double[] w, int wo, int m) {
    double s = 0;
    for (int i = 0; i < m; i++) {
      double t = r[ro + i] * d[dOff + i];
      w[wo + i] = t;
      s += t;
    }
    return s;
  }

  /** Σ_i x[xo + i]·y[yo + i] over m terms, in four interleaved partial sums for instruction-level parallelism. */
  static double dot(double[] x, int xo, double[] y, int yo, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      s0 += x[xo + i] * y[yo + i];
      s1 += x[xo + i + 1] * y[yo + i + 1];
      s2 += x[xo + i + 2] * y[yo + i + 2];
      s3 += x[xo + i + 3] * y[yo + i + 3];
    }
    for (; i < m; i++) {
      s0 += x[xo + i] * y[yo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}

package io.diffmix.regression;

/**
 * Rows in transposed blocks, and the unit-stride kernels that EM and k-means run over them.
 *
 * <p>A block holds up to {@link #BLOCK} rows coordinate-major, one array per coordinate ({@code xt[a][i]}), so
 * that each kernel's loop runs over the block's rows with unit stride. Every array a kernel reads or writes
 * starts at index 0 and is indexed by the same loop counter, so that HotSpot's C2 (JDK 17) compiles the
 * elementwise kernels to vector instructions. It did not for the same loops over offsets into one shared array
 * ({@code v[vo + i] += p·d[dOff + i]}): measured warm on 256 elements, such an axpy took 0.31 ns per element
 * against 0.11 ns from index 0, and one EM pass over 100,000 R6 rows went from 28 to 17 ms. Java fixes the order
 * of every floating-point sum, and the kernels keep it, so their bits do not depend on how C2 compiles them;
 * {@link #dot} keeps four partial sums for instruction-level parallelism.
 *
 * <p>The kernels are few and small: the JIT compiles each within the first blocks of a fit, and k-means
 * compiles for EM the ones they share. A fit on a fresh JVM spends much of its time compiling, so every kernel
 * fewer counts.
 */
final class RowBlocks {
  /** Rows per block: a block's differences for all components, k·n·BLOCK doubles, stay in cache. */
  static final int BLOCK = 256;

  private RowBlocks() {}

  /** A block's scratch: {@code count} arrays of {@link #BLOCK} doubles. */
  static double[][] arrays(int count) {
    return new double[count][BLOCK];
  }

  /** Copies rows [start, start + m) of {@code data} (n columns) into xt, transposed: xt[a][i] = x_{start+i,a}. */
  static void transpose(double[] data, int n, int start, int m, double[][] xt) {
    for (int i = 0; i < m; i++) {
      int off = (start + i) * n;
      for (int a = 0; a < n; a++) {
        xt[a][i] = data[off + a];
      }
    }
  }

  /**
   * dist[j][i] = |x_i − c_j|² for the block's m rows and the k centres (row-major, k × n); t is scratch of
   * BLOCK doubles.
   */
  static void squaredDistances(double[][] xt, int n, int m, double[] centres, int k, double[][] dist,
      double[] t) {
    for (int j = 0; j < k; j++) {
      double[] dj = dist[j];
      java.util.Arrays.fill(dj, 0, m, 0);
      for (int a = 0; a < n; a++) {
        subtract(xt[a], centres[j * n + a], t, m);
        addSquare(dj, t, m);
      }
    }
  }

  /** d[i] = x[i] − c. */
  static void subtract(double[] x, double c, double[] d, int m) {
    for (int i = 0; i < m; i++) {
      d[i] = x[i] - c;
    }
  }

  /** v[i] += p·d[i]. */
  static void axpy(double[] v, double p, double[] d, int m) {
    for (int i = 0; i < m; i++) {
      v[i] += p * d[i];
    }
  }

  /** q[i] += v[i]². */
  static void addSquare(double[] q, double[] v, int m) {
    for (int i = 0; i < m; i++) {
      q[i] += v[i] * v[i];
    }
  }

  /** max[i] = max(max[i], x[i]). */
  static void maxInto(double[] max, double[] x, int m) {
    for (int i = 0; i < m; i++) {
      max[i] = Math.max(max[i], x[i]);
    }
  }

  /** x[i] = exp(x[i] − c[i]). */
  static void expBelow(double[] x, double[] c, int m) {
    for (int i = 0; i < m; i++) {
      x[i] = Math.exp(x[i] - c[i]);
    }
  }

  /** x[i] *= s[i]. */
  static void scale(double[] x, double[] s, int m) {
    for (int i = 0; i < m; i++) {
      x[i] *= s[i];
    }
  }

  /** w[i] = r[i]·d[i], and returns Σ_i w[i] in order (one running sum). */
  static double product(double[] r, double[] d, double[] w, int m) {
    for (int i = 0; i < m; i++) {
      w[i] = r[i] * d[i];
    }
    return sum(w, m);
  }

  /** Σ_i x[i] in order (one running sum). */
  static double sum(double[] x, int m) {
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += x[i];
    }
    return s;
  }

  /** Σ_i x[i]·y[i] over m terms, in four interleaved partial sums for instruction-level parallelism. */
  static double dot(double[] x, double[] y, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
    for (; i < m; i++) {
      s0 += x[i] * y[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}

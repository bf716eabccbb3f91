package io.diffmix.regression;

/**
 * One EM pass over a chunk of rows: the log-likelihood of the current mixture and, for the next M-step, the
 * responsibility-weighted statistics N_j, Σ r d and Σ r d dᵀ of d = x − m_j.
 *
 * <p>Rows go in transposed blocks ({@link RowBlocks}): the Mahalanobis term |L_j⁻¹ d|² is a sequence of axpys
 * over the block's rows, and each scatter entry a dot product over them. The arithmetic of
 * a chunk depends only on its rows, so the caller's chunk-ordered sum is the same for any thread count.
 */
final class EmPass {
  private static final int BLOCK = RowBlocks.BLOCK;

  private EmPass() {}

  /** The statistics layout: per component N_j, Σ r d (n), Σ r d dᵀ (n × n, lower triangle), then Σ log p. */
  static int stride(int n) {
    return 1 + n + n * n;
  }

  /**
   * Rows [from, to) of {@code data} (n columns). Returns k·stride(n) + 1 doubles when {@code withStats}, else
   * the log-likelihood sum alone; for diagonal covariances only the scatter's diagonal is accumulated.
   */
  static double[] run(double[] data, int n, GaussianMixtureEm.Components comp, boolean withStats, int from,
      int to) {
    int k = comp.k;
    int stride = stride(n);
    double[] st = new double[withStats ? k * stride + 1 : 1];
    double[] xt = new double[n * BLOCK];
    double[] d = new double[k * n * BLOCK];
    double[] v = new double[BLOCK];
    double[] q = new double[BLOCK];
    double[] lp = new double[k * BLOCK];
    double[] w = new double[n * BLOCK];
    double ll = 0;
    for (int start = from; start < to; start += BLOCK) {
      int m = Math.min(BLOCK, to - start);
      RowBlocks.transpose(data, n, start, m, xt);
      for (int j = 0; j < k; j++) {
        double[] li = comp.cholInv[j];
        int dj = j * n * BLOCK;
        for (int a = 0; a < n; a++) {
          RowBlocks.subtract(xt, a * BLOCK, comp.means[j * n + a], d, dj + a * BLOCK, m);
        }
        java.util.Arrays.fill(q, 0, m, 0);
        for (int a = 0; a < n; a++) {
          // v = row a of L⁻¹ times d; only its diagonal entry when Σ_j is diagonal
          java.util.Arrays.fill(v, 0, m, 0);
          for (int b = comp.diagonal ? a : 0; b <= a; b++) {
            RowBlocks.axpy(v, 0, li[a * n + b], d, dj + b * BLOCK, m);
          }
          RowBlocks.addSquare(q, 0, v, m);
        }
        int lj = j * BLOCK;
        java.util.Arrays.fill(lp, lj, lj + m, comp.logNorm[j]);
        RowBlocks.axpy(lp, lj, -0.5, q, 0, m);
      }
      ll += responsibilities(lp, k, m);
      if (withStats) {
        for (int j = 0; j < k; j++) {
          int base = j * stride;
          int lj = j * BLOCK;
          int dj = j * n * BLOCK;
          st[base] += sum(lp, lj, m);
          for (int a = 0; a < n; a++) {
            int da = dj + a * BLOCK;
            int wa = a * BLOCK;
            st[base + 1 + a] += RowBlocks.product(lp, lj, d, da, w, wa, m);
            int row = base + 1 + n + a * n;
            if (comp.diagonal) {
              st[row + a] += RowBlocks.dot(w, wa, d, da, m);
            } else {
              for (int b = 0; b <= a; b++) {
                st[row + b] += RowBlocks.dot(w, wa, d, dj + b * BLOCK, m);
              }
            }
          }
        }
      }
    }
    st[st.length - 1] = ll;
    return st;
  }

  /** Σ_i x[xo + i]. */
  private static double sum(double[] x, int xo, int m) {
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += x[xo + i];
    }
    return s;
  }

  /**
   * Turns the block's log w_j N_j(x_i) (component-major, stride BLOCK) into responsibilities, by log-sum-exp per row,
   *, and returns Σ_i log p(x_i).
   */
  private static double responsibilities(double[] lp, int k, int m) {
    double ll = 0;
    for (int i = 0; i < m; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, lp[j * BLOCK + i]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double e = Math.exp(lp[j * BLOCK + i] - max);
        lp[j * BLOCK + i] = e;
        sum += e;
      }
      ll += max + Math.log(sum);
      double inv = 1 / sum;
      for (int j = 0; j < k; j++) {
        lp[j * BLOCK + i] *= inv;
      }
    }
    return ll;
  }
}

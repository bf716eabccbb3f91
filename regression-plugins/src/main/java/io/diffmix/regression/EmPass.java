package io.diffmix.regression;

/**
 * One EM pass over a chunk of rows: the log-likelihood of the current mixture and, for the next M-step, the
 * responsibility-weighted statistics N_j, Σ r d and Σ r d dᵀ of d = x − m_j.
 *
 * <p>Rows go in transposed blocks ({@link RowBlocks}): the Mahalanobis term |L_j⁻¹ d|² is a sequence of axpys
 * over the block's rows, the log-sum-exp runs component by component over them, and each scatter entry is a dot
 * product over them. The arithmetic of a chunk depends only on its rows, so the caller's chunk-ordered sum is
 * the same for any thread count.
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
    double[][] xt = RowBlocks.arrays(n);
    // d[j·n + a][i] = x_{i,a} − m_{j,a}
    double[][] d = RowBlocks.arrays(k * n);
    double[] v = new double[BLOCK];
    double[] q = new double[BLOCK];
    // log w_j N_j(x_i), then the responsibilities
    double[][] lp = RowBlocks.arrays(k);
    double[][] w = RowBlocks.arrays(n);
    double ll = 0;
    for (int start = from; start < to; start += BLOCK) {
      int m = Math.min(BLOCK, to - start);
      RowBlocks.transpose(data, n, start, m, xt);
      for (int j = 0; j < k; j++) {
        double[] li = comp.cholInv[j];
        for (int a = 0; a < n; a++) {
          RowBlocks.subtract(xt[a], comp.means[j * n + a], d[j * n + a], m);
        }
        java.util.Arrays.fill(q, 0, m, 0);
        for (int a = 0; a < n; a++) {
          // v = row a of L⁻¹ times d; only its diagonal entry when Σ_j is diagonal
          java.util.Arrays.fill(v, 0, m, 0);
          for (int b = comp.diagonal ? a : 0; b <= a; b++) {
            RowBlocks.axpy(v, li[a * n + b], d[j * n + b], m);
          }
          RowBlocks.addSquare(q, v, m);
        }
        java.util.Arrays.fill(lp[j], 0, m, comp.logNorm[j]);
        RowBlocks.axpy(lp[j], -0.5, q, m);
      }
      ll += responsibilities(lp, k, m, v, q);
      if (withStats) {
        for (int j = 0; j < k; j++) {
          int base = j * stride;
          double[] r = lp[j];
          st[base] += RowBlocks.sum(r, m);
          for (int a = 0; a < n; a++) {
            double[] da = d[j * n + a];
            st[base + 1 + a] += RowBlocks.product(r, da, w[a], m);
            int row = base + 1 + n + a * n;
            if (comp.diagonal) {
              st[row + a] += RowBlocks.dot(w[a], da, m);
            } else {
              for (int b = 0; b <= a; b++) {
                st[row + b] += RowBlocks.dot(w[a], d[j * n + b], m);
              }
            }
          }
        }
      }
    }
    st[st.length - 1] = ll;
    return st;
  }

  /**
   * Turns the block's log w_j N_j(x_i) into responsibilities, by log-sum-exp per row, and returns
   * Σ_i log p(x_i) (in row order). Each step is one of {@link RowBlocks}' kernels over the rows, one component
   * at a time: vector loops but for the exp, and small methods that a fresh JVM compiles early (one method
   * with all the loops took C2 two compilations, 41 ms, in a fit of 0.2 s). Per row, the max, the sum over
   * components and the division are those of a row-by-row loop, to the bit. max and sum are scratch of BLOCK
   * doubles.
   */
  private static double responsibilities(double[][] lp, int k, int m, double[] max, double[] sum) {
    java.util.Arrays.fill(max, 0, m, Double.NEGATIVE_INFINITY);
    for (int j = 0; j < k; j++) {
      RowBlocks.maxInto(max, lp[j], m);
    }
    java.util.Arrays.fill(sum, 0, m, 0);
    for (int j = 0; j < k; j++) {
      RowBlocks.expBelow(lp[j], max, m);
      // 1·x is x exactly: the plain running sum over components
      RowBlocks.axpy(sum, 1.0, lp[j], m);
    }
    double ll = 0;
    for (int i = 0; i < m; i++) {
      ll += max[i] + Math.log(sum[i]);
      sum[i] = 1 / sum[i];
    }
    for (int j = 0; j < k; j++) {
      RowBlocks.scale(lp[j], sum, m);
    }
    return ll;
  }
}

package io.diffmix.regression;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Solves the ridge normal equations (G + λ·(tr G/p)·I) B = R for all n output columns at once (README,
 * "Plugins and their parameters"): Cholesky first; if a pivot is not positive, Cholesky again with growing jitter; last, QR of the
 * ridged matrix, which handles a singular Gram (duplicate points, fewer points than features).
 */
public final class RidgeSolver {
  private RidgeSolver() {}

  /** What a solve used, for the learner's summary. */
  public enum Method { CHOLESKY, JITTER, QR }

  /**
   * Overwrites {@code rhs} (p × n, row-major) with the solution.
   *
   * @param gram the upper triangle of G (p × p, row-major); left unchanged
   * @return the method that succeeded
   */
  public static Method solve(double[] gram, int p, double[] rhs, int n, double ridge) {
    double trace = 0;
    for (int i = 0; i < p; i++) {
      trace += gram[i * p + i];
    }
    double scale = trace > 0 ? trace / p : 1;
    double[] l = new double[p * p];
    double jitter = ridge * scale;
    for (int attempt = 0; attempt < 6; attempt++) {
      if (cholesky(gram, p, jitter, l)) {
        substitute(l, p, rhs, n);
        return attempt == 0 ? Method.CHOLESKY : Method.JITTER;
      }
      jitter = Math.max(jitter * 100, 1e-10 * scale);
    }
    RealMatrix a = MatrixUtils.createRealMatrix(p, p);
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        a.setEntry(i, j, gram[i * p + j]);
        a.setEntry(j, i, gram[i * p + j]);
      }
      a.addToEntry(i, i, ridge * scale);
    }
    RealMatrix b = MatrixUtils.createRealMatrix(p, n);
    for (int i = 0; i < p; i++) {
      for (int c = 0; c < n; c++) {
        b.setEntry(i, c, rhs[i * n + c]);
      }
    }
    RealMatrix x = new QRDecomposition(a, 1e-14).getSolver().solve(b);
    for (int i = 0; i < p; i++) {
      for (int c = 0; c < n; c++) {
        rhs[i * n + c] = x.getEntry(i, c);
      }
    }
    return Method.QR;
  }

  /** L Lᵀ = G + jitter·I from G's upper triangle; false if a pivot is not safely positive. */
  private static boolean cholesky(double[] g, int p, double jitter, double[] l) {
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = g[j * p + i] + (i == j ? jitter : 0);
        for (int k = 0; k < j; k++) {
          s -= l[i * p + k] * l[j * p + k];
        }
        if (i == j) {
          // relative to the diagonal: a pivot lost to round-off means a (numerically) singular matrix
          if (!(s > 1e-13 * (g[i * p + i] + jitter))) {
            return false;
          }
          l[i * p + i] = Math.sqrt(s);
        } else {
          l[i * p + j] = s / l[j * p + j];
        }
      }
    }
    return true;
  }

  private static void substitute(double[] l, int p, double[] rhs, int n) {
    for (int c = 0; c < n; c++) {
      for (int i = 0; i < p; i++) {
        double s = rhs[i * n + c];
        for (int k = 0; k < i; k++) {
          s -= l[i * p + k] * rhs[k * n + c];
        }
        rhs[i * n + c] = s / l[i * p + i];
      }
      for (int i = p - 1; i >= 0; i--) {
        double s = rhs[i * n + c];
        for (int k = i + 1; k < p; k++) {
          s -= l[k * p + i] * rhs[k * n + c];
        }
        rhs[i * n + c] = s / l[i * p + i];
      }
    }
  }
}

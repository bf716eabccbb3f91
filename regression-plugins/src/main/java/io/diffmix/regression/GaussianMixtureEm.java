package io.diffmix.regression;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Expectation–maximisation for a Gaussian mixture (Dempster, Laird and Rubin 1977), seeded by k-means++
 * (Arthur and Vassilvitskii 2007), with {@code spherical}, {@code diag} or {@code full} covariances and
 * reg·I added to each, as scikit-learn's {@code reg_covar}.
 *
 * <p>The E-step's sufficient statistics are summed over fixed chunks in order, so a fit gives the same bits for
 * any thread count. The log-likelihood is non-decreasing over iterations up to round-off, about 1e-12·|ℓ|
 * near convergence (design.md, "Reproducibility").
 */
final class GaussianMixtureEm {
  private static final int CHUNK = 4096;

  /**
   * A fitted mixture.
   *
   * @param weights w_j
   * @param means m_j, k × n
   * @param covariances Σ_j, each n × n row-major
   * @param logLikelihoods the mean log-likelihood after each iteration
   */
  record Fit(double[] weights, double[] means, double[][] covariances, List<Double> logLikelihoods) {
    int components() {
      return weights.length;
    }

    double logLikelihood() {
      return logLikelihoods.get(logLikelihoods.size() - 1);
    }
  }

  private GaussianMixtureEm() {}

  /** k-means++ seeds, then EM until the mean log-likelihood improves by less than tol·|ℓ|. */
  static Fit fit(Samples x, int k, String covariance, double reg, int maxIterations, double tol, RandomGenerator rng,
      Parallel par) {
    int n = x.dim();
    int rows = x.rows();
    double[] means = seeds(x, k, rng);
    double[] weights = new double[k];
    java.util.Arrays.fill(weights, 1.0 / k);
    double var = 0;
    double[] mean = new double[n];
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < n; c++) {
        mean[c] += x.get(i, c) / rows;
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < n; c++) {
        var += (x.get(i, c) - mean[c]) * (x.get(i, c) - mean[c]) / ((double) rows * n);
      }
    }
    double[][] cov = new double[k][n * n];
    for (int j = 0; j < k; j++) {
      for (int c = 0; c < n; c++) {
        cov[j][c * n + c] = var + reg;
      }
    }
    List<Double> trace = new ArrayList<>();
    for (int it = 0; it < maxIterations; it++) {
      Components comp = Components.of(weights, means, cov, n);
      // E-step statistics per chunk: [Σr_j, Σr_j x, Σr_j x xᵀ, ℓ]
      List<double[]> parts = par.mapChunks(rows, CHUNK, (from, to) -> {
        double[] stats = new double[k * (1 + n + n * n) + 1];
        double[] logp = new double[k];
        for (int i = from; i < to; i++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < k; j++) {
            logp[j] = comp.logWeightedDensity(j, x.data(), i * n);
            max = Math.max(max, logp[j]);
          }
          double sum = 0;
          for (int j = 0; j < k; j++) {
            logp[j] = Math.exp(logp[j] - max);
            sum += logp[j];
          }
          stats[stats.length - 1] += max + Math.log(sum);
          for (int j = 0; j < k; j++) {
            double r = logp[j] / sum;
            int base = j * (1 + n + n * n);
            stats[base] += r;
            for (int a = 0; a < n; a++) {
              double xa = x.data()[i * n + a];
              stats[base + 1 + a] += r * xa;
              for (int b = 0; b < n; b++) {
                stats[base + 1 + n + a * n + b] += r * xa * x.data()[i * n + b];
              }
            }
          }
        }
        return stats;
      });
      double[] s = new double[k * (1 + n + n * n) + 1];
      for (double[] p : parts) {
        for (int q = 0; q < s.length; q++) {
          s[q] += p[q];
        }
      }
      double ll = s[s.length - 1] / rows;
      trace.add(ll);
      // M-step
      double[] newMeans = new double[k * n];
      double[][] newCov = new double[k][n * n];
      double[] newWeights = new double[k];
      for (int j = 0; j < k; j++) {
        int base = j * (1 + n + n * n);
        double nj = Math.max(s[base], 1e-300);
        newWeights[j] = s[base] / rows;
        for (int a = 0; a < n; a++) {
          newMeans[j * n + a] = s[base + 1 + a] / nj;
        }
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            newCov[j][a * n + b] = s[base + 1 + n + a * n + b] / nj - newMeans[j * n + a] * newMeans[j * n + b];
          }
        }
        shape(newCov[j], n, covariance, reg);
      }
      weights = newWeights;
      means = newMeans;
      cov = newCov;
      if (it > 0 && Math.abs(ll - trace.get(it - 1)) <= tol * Math.abs(ll)) {
        break;
      }
    }
    // the returned parameters are those after the last M-step; their log-likelihood closes the trace
    Components last = Components.of(weights, means, cov, n);
    double ll = 0;
    for (int i = 0; i < rows; i++) {
      double max = Double.NEGATIVE_INFINITY;
      double[] lp = new double[k];
      for (int j = 0; j < k; j++) {
        lp[j] = last.logWeightedDensity(j, x.data(), i * n);
        max = Math.max(max, lp[j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(lp[j] - max);
      }
      ll += max + Math.log(sum);
    }
    trace.add(ll / rows);
    return new Fit(weights, means, cov, trace);
  }

  /** Restricts a covariance to its structure and adds reg·I. */
  private static void shape(double[] c, int n, String covariance, double reg) {
    switch (covariance) {
      case "spherical" -> {
        double tr = 0;
        for (int a = 0; a < n; a++) {
          tr += c[a * n + a];
        }
        java.util.Arrays.fill(c, 0);
        for (int a = 0; a < n; a++) {
          c[a * n + a] = tr / n;
        }
      }
      case "diag" -> {
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            if (a != b) {
              c[a * n + b] = 0;
            }
          }
        }
      }
      default -> {
        // full: symmetrise away round-off
        for (int a = 0; a < n; a++) {
          for (int b = a + 1; b < n; b++) {
            double m = 0.5 * (c[a * n + b] + c[b * n + a]);
            c[a * n + b] = m;
            c[b * n + a] = m;
          }
        }
      }
    }
    for (int a = 0; a < n; a++) {
      c[a * n + a] += reg;
    }
  }

  /** k-means++: the first centre uniform, each next one with probability ∝ squared distance to the nearest. */
  static double[] seeds(Samples x, int k, RandomGenerator rng) {
    int n = x.dim();
    int rows = x.rows();
    double[] centres = new double[k * n];
    int first = rng.nextInt(rows);
    System.arraycopy(x.data(), first * n, centres, 0, n);
    double[] d2 = new double[rows];
    java.util.Arrays.fill(d2, Double.POSITIVE_INFINITY);
    for (int j = 1; j < k; j++) {
      double total = 0;
      for (int i = 0; i < rows; i++) {
        double d = 0;
        for (int c = 0; c < n; c++) {
          double diff = x.get(i, c) - centres[(j - 1) * n + c];
          d += diff * diff;
        }
        d2[i] = Math.min(d2[i], d);
        total += d2[i];
      }
      double u = rng.nextDouble() * total;
      int pick = rows - 1;
      for (int i = 0; i < rows; i++) {
        u -= d2[i];
        if (u <= 0) {
          pick = i;
          break;
        }
      }
      System.arraycopy(x.data(), pick * n, centres, j * n, n);
    }
    return centres;
  }

  /** Each component's log w_j − ½ log det(2πΣ_j) and Cholesky factor, for log-densities. */
  static final class Components {
    final double[] logNorm;
    final double[][] cholInv;
    final double[] means;
    final int n;

    private Components(double[] logNorm, double[][] cholInv, double[] means, int n) {
      this.logNorm = logNorm;
      this.cholInv = cholInv;
      this.means = means;
      this.n = n;
    }

    static Components of(double[] weights, double[] means, double[][] cov, int n) {
      int k = weights.length;
      double[] logNorm = new double[k];
      double[][] inv = new double[k][];
      for (int j = 0; j < k; j++) {
        RealMatrix c = MatrixUtils.createRealMatrix(n, n);
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            c.setEntry(a, b, cov[j][a * n + b]);
          }
        }
        CholeskyDecomposition ch = new CholeskyDecomposition(c, 1e-12, 1e-300);
        RealMatrix lInv = MatrixUtils.inverse(ch.getL());
        double logDet = 0;
        for (int a = 0; a < n; a++) {
          logDet += 2 * Math.log(ch.getL().getEntry(a, a));
        }
        logNorm[j] = Math.log(weights[j]) - 0.5 * (n * Math.log(2 * Math.PI) + logDet);
        inv[j] = new double[n * n];
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            inv[j][a * n + b] = lInv.getEntry(a, b);
          }
        }
      }
      return new Components(logNorm, inv, means, n);
    }

    /** log w_j + log N(x; m_j, Σ_j), with |L⁻¹(x − m)|² as the Mahalanobis term. */
    double logWeightedDensity(int j, double[] x, int off) {
      double q = 0;
      double[] li = cholInv[j];
      for (int a = 0; a < n; a++) {
        double v = 0;
        for (int b = 0; b <= a; b++) {
          v += li[a * n + b] * (x[off + b] - means[j * n + b]);
        }
        q += v * v;
      }
      return logNorm[j] - 0.5 * q;
    }
  }
}

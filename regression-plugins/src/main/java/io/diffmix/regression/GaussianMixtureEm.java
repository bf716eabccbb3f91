package io.diffmix.regression;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Expectation–maximisation for a Gaussian mixture (Dempster, Laird and Rubin 1977), started from the hard
 * assignment of a restarted k-means ({@link KMeans}), with {@code spherical}, {@code diag} or {@code full}
 * covariances and reg·I added to each, as scikit-learn's {@code reg_covar}.
 *
 * <p>Each iteration is one pass over the rows: the E-step's log-likelihood and responsibilities of the current
 * parameters, and with them the sufficient statistics of the next M-step, the scatter taken around the current
 * means so that the one-pass variance does not cancel. The pass runs over chunks of fixed boundaries whose
 * partial sums are combined in chunk order, so a fit gives the same bits for any thread count.
 *
 * <p>EM stops, as scikit-learn does, when the mean log-likelihood per row changed by less than {@code tol}
 * (absolute) from one iteration to the next, or after {@code maxIterations} M-steps, which {@link Fit#converged}
 * then reports. A component whose responsibilities sum to less than {@link #EMPTY} rows has no data left to
 * estimate it; it is removed and the fit goes on with one fewer.
 */
final class GaussianMixtureEm {
  /** Rows per chunk of a pass. */
  static final int CHUNK = 2048;
  /** A component with less responsibility mass than this, in rows, is removed. */
  static final double EMPTY = 1e-6;

  /**
   * How to fit.
   *
   * @param covariance "spherical", "diag" or "full"
   * @param reg added to every covariance's diagonal
   * @param maxIterations M-steps at most
   * @param tol the change of the mean log-likelihood per row below which EM has converged
   * @param kmeansRestarts k-means runs per EM start; the least inertia seeds EM
   * @param kmeansRows the rows k-means runs on, drawn afresh for each EM start; all rows when fewer
   */
  record Settings(String covariance, double reg, int maxIterations, double tol, int kmeansRestarts,
      int kmeansRows) {}

  /**
   * A fitted mixture.
   *
   * @param weights w_j
   * @param means m_j, k × n
   * @param covariances Σ_j, each n × n row-major
   * @param logLikelihoods the mean log-likelihood per row before each M-step, then that of the returned
   *     parameters
   * @param converged whether the last change was below the tolerance before the iteration cap
   * @param removed components removed for lack of data
   */
  record Fit(double[] weights, double[] means, double[][] covariances, List<Double> logLikelihoods,
      boolean converged, int removed) {
    int components() {
      return weights.length;
    }

    double logLikelihood() {
      return logLikelihoods.get(logLikelihoods.size() - 1);
    }

    /** M-steps taken, as scikit-learn's {@code n_iter_}. */
    int iterations() {
      return logLikelihoods.size() - 1;
    }

    /** |ℓ_t − ℓ_{t−1}| of the last two E-steps, or infinity after one. */
    double lastChange() {
      int s = logLikelihoods.size();
      return s < 3 ? Double.POSITIVE_INFINITY : Math.abs(logLikelihoods.get(s - 2) - logLikelihoods.get(s - 3));
    }
  }

  private GaussianMixtureEm() {}

  /**
   * k-means (restarted, least inertia) on a subsample of the rows, then EM from the clusters of its centres on
   * all rows: each row goes wholly to its nearest centre, as scikit-learn's {@code init_params="kmeans"}.
   */
  static Fit fit(Samples x, int k, Settings s, RandomGenerator rng, Parallel par) {
    Samples sub = KMeans.subsample(x, Math.max(s.kmeansRows(), k), rng);
    double[] centres = KMeans.fit(sub, k, s.kmeansRestarts(), rng, par).centres();
    int n = x.dim();
    double[] data = x.data();
    int[] labels = new int[x.rows()];
    double[] dist = new double[x.rows()];
    double[] stats = combine(par.mapChunks(x.rows(), CHUNK, (from, to) -> {
      double[] st = new double[k * stride(n) + 1];
      KMeans.assign(data, n, from, to, centres, labels, dist);
      for (int i = from; i < to; i++) {
        accumulate(st, labels[i], 1.0, data, i * n, centres, n, s.covariance());
      }
      return st;
    }));
    Parameters start = mStep(stats, centres, k, n, x.rows(), s);
    return em(x, start, s, par, start.removed);
  }

  /** EM from given parameters. */
  static Fit em(Samples x, double[] weights, double[] means, double[][] covariances, Settings s, Parallel par) {
    return em(x, new Parameters(weights.clone(), means.clone(), deepCopy(covariances), 0), s, par, 0);
  }

  private static Fit em(Samples x, Parameters p, Settings s, Parallel par, int removedBefore) {
    int n = x.dim();
    int rows = x.rows();
    List<Double> trace = new ArrayList<>();
    boolean converged = false;
    int removed = removedBefore;
    for (int it = 0; it < s.maxIterations(); it++) {
      Components comp = Components.of(p.weights, p.means, p.cov, n, s.covariance());
      double[] stats = pass(x, comp, true, s.covariance(), par);
      double ll = stats[stats.length - 1] / rows;
      trace.add(ll);
      p = mStep(stats, p.means, p.weights.length, n, rows, s);
      removed += p.removed;
      if (it > 0 && Math.abs(ll - trace.get(it - 1)) < s.tol()) {
        converged = true;
        break;
      }
    }
    // the returned parameters are those after the last M-step; their log-likelihood closes the trace
    double[] last = pass(x, Components.of(p.weights, p.means, p.cov, n, s.covariance()), false, s.covariance(),
        par);
    trace.add(last[last.length - 1] / rows);
    return new Fit(p.weights, p.means, p.cov, trace, converged, removed);
  }

  /** The mean log-likelihood per row of a mixture. */
  static double logLikelihood(Samples x, double[] weights, double[] means, double[][] cov, String covariance,
      Parallel par) {
    double[] s = pass(x, Components.of(weights, means, cov, x.dim(), covariance), false, covariance, par);
    return s[s.length - 1] / x.rows();
  }

  private record Parameters(double[] weights, double[] means, double[][] cov, int removed) {}

  /**
   * Per component: N_j, Σ r (x − s_j) (n), Σ r (x − s_j)(x − s_j)ᵀ (n × n, lower triangle; its diagonal only
   * if not full).
   */
  private static int stride(int n) {
    return EmPass.stride(n);
  }

  /**
   * One pass ({@link EmPass}): Σ_i log p(x_i) in the last slot, and when {@code withStats} the sufficient
   * statistics of the responsibilities, around the current means.
   */
  private static double[] pass(Samples x, Components comp, boolean withStats, String covariance, Parallel par) {
    int n = x.dim();
    double[] data = x.data();
    return combine(par.mapChunks(x.rows(), CHUNK, (from, to) -> EmPass.run(data, n, comp, withStats, from, to)));
  }

  /** Adds responsibility r of row x (at off) for component j to its statistics around shift[j]. */
  private static void accumulate(double[] st, int j, double r, double[] x, int off, double[] shift, int n,
      String covariance) {
    int base = j * stride(n);
    st[base] += r;
    int sOff = j * n;
    int m1 = base + 1;
    int m2 = base + 1 + n;
    if ("full".equals(covariance)) {
      for (int a = 0; a < n; a++) {
        double da = x[off + a] - shift[sOff + a];
        double rda = r * da;
        st[m1 + a] += rda;
        int row = m2 + a * n;
        for (int b = 0; b <= a; b++) {
          st[row + b] += rda * (x[off + b] - shift[sOff + b]);
        }
      }
    } else {
      for (int a = 0; a < n; a++) {
        double da = x[off + a] - shift[sOff + a];
        double rda = r * da;
        st[m1 + a] += rda;
        st[m2 + a * n + a] += rda * da;
      }
    }
  }

  /** The M-step from statistics taken around {@code shift}; components without data are removed. */
  private static Parameters mStep(double[] s, double[] shift, int k, int n, int rows, Settings set) {
    int kept = 0;
    for (int j = 0; j < k; j++) {
      if (s[j * stride(n)] >= EMPTY) {
        kept++;
      }
    }
    double[] weights = new double[kept];
    double[] means = new double[kept * n];
    double[][] cov = new double[kept][];
    int q = 0;
    double mass = 0;
    for (int j = 0; j < k; j++) {
      int base = j * stride(n);
      double nj = s[base];
      if (nj < EMPTY) {
        continue;
      }
      mass += nj;
      weights[q] = nj;
      double[] delta = new double[n];
      for (int a = 0; a < n; a++) {
        delta[a] = s[base + 1 + a] / nj;
        means[q * n + a] = shift[j * n + a] + delta[a];
      }
      double[] c = new double[n * n];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b <= a; b++) {
          c[a * n + b] = s[base + 1 + n + a * n + b] / nj - delta[a] * delta[b];
          c[b * n + a] = c[a * n + b];
        }
      }
      shape(c, n, set.covariance(), set.reg());
      cov[q] = c;
      q++;
    }
    if (kept == 0) {
      throw new BadInputException("learner em-gmm: no component kept any of the " + rows
          + " training rows (non-finite rows?); valid: finite training rows");
    }
    for (int j = 0; j < kept; j++) {
      weights[j] /= mass;
    }
    return new Parameters(weights, means, cov, k - kept);
  }

  /** Restricts a covariance to its structure and adds reg·I. */
  private static void shape(double[] c, int n, String covariance, double reg) {
    switch (covariance) {
      case "spherical" -> {
        double tr = 0;
        for (int a = 0; a < n; a++) {
          tr += c[a * n + a];
        }
        Arrays.fill(c, 0);
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
        // full: symmetric by construction
      }
    }
    for (int a = 0; a < n; a++) {
      c[a * n + a] += reg;
    }
  }

  private static double[] combine(List<double[]> parts) {
    return KMeans.combine(parts);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int j = 0; j < a.length; j++) {
      b[j] = a[j].clone();
    }
    return b;
  }

  /** Each component's log w_j − ½ log det(2πΣ_j) and the inverse of its Cholesky factor, for log-densities. */
  static final class Components {
    final int k;
    final int n;
    final double[] logNorm;
    /** L_j⁻¹, lower triangular, n × n row-major; for diagonal covariances only its diagonal is read. */
    final double[][] cholInv;
    final double[] means;
    final boolean diagonal;

    private Components(double[] logNorm, double[][] cholInv, double[] means, int n, boolean diagonal) {
      this.k = logNorm.length;
      this.n = n;
      this.logNorm = logNorm;
      this.cholInv = cholInv;
      this.means = means;
      this.diagonal = diagonal;
    }

    static Components of(double[] weights, double[] means, double[][] cov, int n, String covariance) {
      int k = weights.length;
      double[] logNorm = new double[k];
      double[][] inv = new double[k][];
      for (int j = 0; j < k; j++) {
        double[] l = cholesky(cov[j], n, j);
        double logDet = 0;
        for (int a = 0; a < n; a++) {
          logDet += 2 * Math.log(l[a * n + a]);
        }
        logNorm[j] = Math.log(weights[j]) - 0.5 * (n * Math.log(2 * Math.PI) + logDet);
        inv[j] = lowerInverse(l, n);
      }
      return new Components(logNorm, inv, means, n, !"full".equals(covariance));
    }

    /** log w_j + log N(x; m_j, Σ_j), with |L⁻¹(x − m)|² as the Mahalanobis term; y is scratch of length n. */
    double logWeightedDensity(int j, double[] x, int off, double[] y) {
      double[] li = cholInv[j];
      int mOff = j * n;
      double q = 0;
      if (diagonal) {
        for (int a = 0; a < n; a++) {
          double v = li[a * n + a] * (x[off + a] - means[mOff + a]);
          q += v * v;
        }
      } else {
        for (int b = 0; b < n; b++) {
          y[b] = x[off + b] - means[mOff + b];
        }
        for (int a = 0; a < n; a++) {
          double v = 0;
          int row = a * n;
          for (int b = 0; b <= a; b++) {
            v += li[row + b] * y[b];
          }
          q += v * v;
        }
      }
      return logNorm[j] - 0.5 * q;
    }
  }

  /** The lower Cholesky factor of a symmetric n × n matrix; a non-positive pivot is bad input. */
  static double[] cholesky(double[] c, int n, int component) {
    double[] l = new double[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b <= a; b++) {
        double s = c[a * n + b];
        for (int m = 0; m < b; m++) {
          s -= l[a * n + m] * l[b * n + m];
        }
        if (a == b) {
          if (!(s > 0)) {
            throw new BadInputException("learner em-gmm: the covariance of component " + component
                + " is not positive definite (a component on fewer distinct rows than dimensions); valid: "
                + "reg_covar > 0, or fewer components");
          }
          l[a * n + a] = Math.sqrt(s);
        } else {
          l[a * n + b] = s / l[b * n + b];
        }
      }
    }
    return l;
  }

  /** The inverse of a lower-triangular n × n matrix, by forward substitution. */
  private static double[] lowerInverse(double[] l, int n) {
    double[] inv = new double[n * n];
    for (int col = 0; col < n; col++) {
      inv[col * n + col] = 1 / l[col * n + col];
      for (int a = col + 1; a < n; a++) {
        double s = 0;
        for (int m = col; m < a; m++) {
          s -= l[a * n + m] * inv[m * n + col];
        }
        inv[a * n + col] = s / l[a * n + a];
      }
    }
    return inv;
  }
}

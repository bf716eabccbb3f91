package io.diffmix.core.target;

import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.TrueDistribution;
import java.util.random.RandomGenerator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Gamma;

/**
 * P0 = Q0 * N(0, σ0² I) with Q0 uniform on k balls B_r(c_j) with weights w_j: the paper's setting of Theorem
 * 1.2 beyond point masses.
 *
 * <p>At VE time t, with s² = σ0² + t, v = y − c_j, ρ = |v| and ν = n/2 − 1, averaging the Gaussian over the
 * sphere of radius u gives exp(−(ρ² + u²)/(2s²)) Γ(n/2)(2/κ)^ν I_ν(κ) with κ = ρu/s², so each ball's density is
 * a 1-D radial integral
 * <pre>  p_j(y) = (2πs²)^{−n/2} (n/r^n) ∫_0^r u^{n−1} e^{−(ρ² + u²)/(2s²)} Γ(n/2)(2/κ)^ν I_ν(κ) du</pre>
 * and the posterior mean of μ − c_j is v/ρ times the same integral's average of u·I_{n/2}/I_{n/2−1}(κ). Both are
 * taken by {@value #NODES}-point Gauss–Legendre quadrature in log space. The divergence is
 * (tr Cov[μ | y]/s² − n)/s², with tr Cov[μ | y] = Σ_j π_j E_j|μ − m(y)|² and, in ball j, μ − c_j of posterior
 * radius u: E_j|μ − m|² = |c_j − m|² + 2(c_j − m)·E_j[μ − c_j] + E_j[u²], E_j[u²] by the same quadrature.
 */
public final class BallsMixture implements TrueDistribution, ScoreDivergence {
  /** Quadrature nodes: the integrands are analytic on [0, r], and 48 nodes resolve them to round-off. */
  static final int NODES = 48;

  private final int n;
  private final int k;
  private final double[] logWeights;
  private final double[] cumulative;
  private final double[] centres;
  private final double radius;
  private final double sigma0;
  private final double nu;
  private final double[] node;
  private final double[] logNodeWeight;
  private final double logGammaHalfN;

  public BallsMixture(double[] weights, double[] centres, int n, double radius, double sigma0) {
    this.n = n;
    this.k = weights.length;
    this.centres = centres.clone();
    this.radius = radius;
    this.sigma0 = sigma0;
    this.nu = n / 2.0 - 1;
    this.logGammaHalfN = Gamma.logGamma(n / 2.0);
    this.logWeights = new double[k];
    this.cumulative = new double[k];
    double c = 0;
    for (int j = 0; j < k; j++) {
      logWeights[j] = Math.log(weights[j]);
      c += weights[j];
      cumulative[j] = c;
    }
    GaussIntegrator gl = new GaussIntegratorFactory().legendre(NODES, 0, radius);
    node = new double[NODES];
    logNodeWeight = new double[NODES];
    for (int q = 0; q < NODES; q++) {
      node[q] = gl.getPoint(q);
      // the radial measure u^{n−1} du, normalised by Vol(B_r)/|S^{n−1}| = r^n/n
      logNodeWeight[q] = Math.log(gl.getWeight(q)) + (n - 1) * Math.log(node[q]) + Math.log(n) - n * Math.log(radius);
    }
  }

  @Override
  public int dim() {
    return n;
  }

  @Override
  public void sample(int rows, RandomGenerator rng, double[] out) {
    double[] dir = new double[n];
    for (int i = 0; i < rows; i++) {
      double u = rng.nextDouble();
      int j = k - 1;
      for (int q = 0; q < k; q++) {
        if (u < cumulative[q]) {
          j = q;
          break;
        }
      }
      double norm = 0;
      for (int c = 0; c < n; c++) {
        dir[c] = rng.nextGaussian();
        norm += dir[c] * dir[c];
      }
      // uniform in the ball: radius r·U^{1/n}
      double rr = radius * Math.pow(rng.nextDouble(), 1.0 / n) / Math.sqrt(norm);
      for (int c = 0; c < n; c++) {
        out[i * n + c] = centres[j * n + c] + rr * dir[c] + sigma0 * rng.nextGaussian();
      }
    }
  }

  @Override
  public ScoreModel exactScore() {
    return this;
  }

  /**
   * For ball j at point y: log of its density's radial integral without the (2πs²)^{−n/2} e^{−ρ²/(2s²)} factor,
   * the posterior mean radius E[u·R(κ)] along v/ρ, and the posterior E[u²].
   */
  private double[] ball(double rho, double s2) {
    double max = Double.NEGATIVE_INFINITY;
    double[] lw = new double[NODES];
    for (int q = 0; q < NODES; q++) {
      double u = node[q];
      double kappa = rho * u / s2;
      lw[q] = logNodeWeight[q] - u * u / (2 * s2) + logGammaHalfN + Bessel.logScaled(nu, kappa);
      max = Math.max(max, lw[q]);
    }
    double sum = 0;
    double mean = 0;
    double second = 0;
    for (int q = 0; q < NODES; q++) {
      double e = Math.exp(lw[q] - max);
      sum += e;
      double kappa = rho * node[q] / s2;
      mean += e * node[q] * (kappa > 0 ? Bessel.ratio(n / 2.0, kappa) : 0);
      second += e * node[q] * node[q];
    }
    return new double[] {max + Math.log(sum), mean / sum, second / sum};
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double s2 = sigma0 * sigma0 + tVe;
    double inv = 1 / alpha;
    Posterior p = new Posterior(k);
    for (int i = from; i < to; i++) {
      double sum = posterior(x, i, inv, s2, p);
      for (int c = 0; c < n; c++) {
        double y = x[i * n + c] * inv;
        out[i * n + c] = (posteriorMean(y, c, sum, p) - y) / s2 * inv;
      }
    }
  }

  @Override
  public void scoreAndDivergence(double tVe, double alpha, double[] x, int count, double[] out, double[] div) {
    int from = 0;
    int to = count;
    double s2 = sigma0 * sigma0 + tVe;
    double inv = 1 / alpha;
    Posterior p = new Posterior(k);
    double[] m = new double[n];
    for (int i = from; i < to; i++) {
      double sum = posterior(x, i, inv, s2, p);
      for (int c = 0; c < n; c++) {
        double y = x[i * n + c] * inv;
        double mc = posteriorMean(y, c, sum, p);
        m[c] = mc;
        out[i * n + c] = (mc - y) / s2 * inv;
      }
      double trCov = 0;
      for (int j = 0; j < k; j++) {
        double d2 = 0;
        double cross = 0;
        for (int c = 0; c < n; c++) {
          double diff = centres[j * n + c] - m[c];
          d2 += diff * diff;
          double v = x[i * n + c] * inv - centres[j * n + c];
          cross += p.rhos[j] > 0 ? diff * p.pull[j] * v / p.rhos[j] : 0;
        }
        trCov += p.weight[j] / sum * (d2 + 2 * cross + p.second[j]);
      }
      div[i] = (trCov / s2 - n) / s2 * inv * inv;
    }
  }

  /** Per ball j, for one point: its unnormalised posterior weight, its pull and second moment, and ρ_j. */
  private static final class Posterior {
    final double[] weight;
    final double[] pull;
    final double[] second;
    final double[] rhos;

    Posterior(int k) {
      weight = new double[k];
      pull = new double[k];
      second = new double[k];
      rhos = new double[k];
    }
  }

  /**
   * The posterior over the balls of y = x_i/α at s² = σ0² + t: each ball's weight e^{logit_j − max} with
   * logit_j = log w_j − ρ_j²/(2s²) + log of the ball's integral ({@link #ball}), into {@code p}; returns their
   * sum.
   */
  private double posterior(double[] x, int i, double inv, double s2, Posterior p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double rho2 = distance2(x, i, inv, j);
      double rho = Math.sqrt(rho2);
      double[] b = ball(rho, s2);
      p.weight[j] = logWeights[j] - rho2 / (2 * s2) + b[0];
      p.pull[j] = b[1];
      p.second[j] = b[2];
      p.rhos[j] = rho;
      max = Math.max(max, p.weight[j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      p.weight[j] = Math.exp(p.weight[j] - max);
      sum += p.weight[j];
    }
    return sum;
  }

  /** ρ_j² = |x_i/α − c_j|², summed over the coordinates in order. */
  private double distance2(double[] x, int i, double inv, int j) {
    double rho2 = 0;
    for (int c = 0; c < n; c++) {
      double v = x[i * n + c] * inv - centres[j * n + c];
      rho2 += v * v;
    }
    return rho2;
  }

  /** Coordinate c of the posterior mean E[X_0 | y]: each ball's centre pulled along y − c_j, by weight. */
  private double posteriorMean(double y, int c, double sum, Posterior p) {
    double m = 0;
    for (int j = 0; j < k; j++) {
      double v = y - centres[j * n + c];
      double along = p.rhos[j] > 0 ? p.pull[j] * v / p.rhos[j] : 0;
      m += p.weight[j] / sum * (centres[j * n + c] + along);
    }
    return m;
  }

  @Override
  public void logDensity(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double s2 = sigma0 * sigma0 + tVe;
    double inv = 1 / alpha;
    double constant = -0.5 * n * Math.log(2 * Math.PI * s2) - n * Math.log(alpha);
    double[] logit = new double[k];
    for (int i = from; i < to; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double rho2 = distance2(x, i, inv, j);
        logit[j] = logWeights[j] - rho2 / (2 * s2) + ball(Math.sqrt(rho2), s2)[0];
        max = Math.max(max, logit[j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(logit[j] - max);
      }
      out[i] = constant + max + Math.log(sum);
    }
  }
}

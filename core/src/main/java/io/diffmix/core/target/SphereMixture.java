package io.diffmix.core.target;

import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.TrueDistribution;
import java.util.random.RandomGenerator;
import org.hipparchus.special.Gamma;

/**
 * P0 = Q0 * N(0, σ0² I) with Q0 uniform on the sphere S^{m−1} of radius r in the first m coordinates of R^n
 * (m = 2: a circle). The continuous mixtures of the paper's Corollary 1.3.
 *
 * <p>At VE time t, with s² = σ0² + t, ρ = |y_{1..m}| and κ = rρ/s², averaging the Gaussian over the sphere gives
 * <pre>  p_t(y) = (2πs²)^{−n/2} exp(−(|y|² + r²)/(2s²)) Γ(m/2) (2/κ)^{m/2−1} I_{m/2−1}(κ)</pre>
 * and the posterior mean of μ is r·(I_{m/2}/I_{m/2−1})(κ)·y_{1..m}/ρ, so the score is (E[μ|y] − y)/s². Both are
 * evaluated without overflow through {@link Bessel}. The divergence is (tr Cov[μ | y]/s² − n)/s², and μ lies on
 * the sphere, so tr Cov[μ | y] = E|μ|² − |E[μ | y]|² = r²(1 − R²) with R = I_{m/2}/I_{m/2−1}(κ).
 */
public final class SphereMixture implements TrueDistribution, ScoreDivergence {
  private final int dim;
  private final int m;
  private final double radius;
  private final double sigma0;
  private final double nu;
  private final double logGammaHalfM;

  public SphereMixture(int dim, int m, double radius, double sigma0) {
    if (m < 2 || m > dim) {
      throw new IllegalArgumentException("need 2 <= m <= dim");
    }
    this.dim = dim;
    this.m = m;
    this.radius = radius;
    this.sigma0 = sigma0;
    this.nu = m / 2.0 - 1;
    this.logGammaHalfM = Gamma.logGamma(m / 2.0);
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public void sample(int rows, RandomGenerator rng, double[] out) {
    double[] u = new double[m];
    for (int i = 0; i < rows; i++) {
      double norm = 0;
      for (int c = 0; c < m; c++) {
        u[c] = rng.nextGaussian();
        norm += u[c] * u[c];
      }
      norm = Math.sqrt(norm);
      for (int c = 0; c < dim; c++) {
        double mu = c < m ? radius * u[c] / norm : 0;
        out[i * dim + c] = mu + sigma0 * rng.nextGaussian();
      }
    }
  }

  @Override
  public ScoreModel exactScore() {
    return this;
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double s2 = sigma0 * sigma0 + tVe;
    double inv = 1 / alpha;
    for (int i = from; i < to; i++) {
      int row = i * dim;
      double rho2 = 0;
      for (int c = 0; c < m; c++) {
        double y = x[row + c] * inv;
        rho2 += y * y;
      }
      double rho = Math.sqrt(rho2);
      double kappa = radius * rho / s2;
      // E[μ|y] along y_{1..m}/ρ has length r·I_{m/2}/I_{m/2−1}(κ); at ρ = 0 it is 0
      double pull = rho > 0 ? radius * Bessel.ratio(m / 2.0, kappa) / rho : 0;
      for (int c = 0; c < dim; c++) {
        double y = x[row + c] * inv;
        double mean = c < m ? pull * y : 0;
        out[row + c] = (mean - y) / s2 * inv;
      }
    }
  }

  @Override
  public void scoreAndDivergence(double tVe, double alpha, double[] x, int count, double[] out, double[] div) {
    int from = 0;
    int to = count;
    score(tVe, alpha, x, from, to, out);
    double s2 = sigma0 * sigma0 + tVe;
    double inv = 1 / alpha;
    for (int i = from; i < to; i++) {
      int row = i * dim;
      double rho2 = 0;
      for (int c = 0; c < m; c++) {
        double y = x[row + c] * inv;
        rho2 += y * y;
      }
      double kappa = radius * Math.sqrt(rho2) / s2;
      double ratio = kappa > 0 ? Bessel.ratio(m / 2.0, kappa) : 0;
      double trCov = radius * radius * (1 - ratio * ratio);
      div[i] = (trCov / s2 - dim) / s2 * inv * inv;
    }
  }

  @Override
  public void logDensity(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double s2 = sigma0 * sigma0 + tVe;
    double inv = 1 / alpha;
    double constant = -0.5 * dim * Math.log(2 * Math.PI * s2) + logGammaHalfM - dim * Math.log(alpha);
    for (int i = from; i < to; i++) {
      int row = i * dim;
      double y2 = 0;
      double rho2 = 0;
      for (int c = 0; c < dim; c++) {
        double y = x[row + c] * inv;
        y2 += y * y;
        if (c < m) {
          rho2 += y * y;
        }
      }
      double kappa = radius * Math.sqrt(rho2) / s2;
      out[i] = constant - (y2 + radius * radius) / (2 * s2) + Bessel.logScaled(nu, kappa);
    }
  }
}

package io.diffmix.core.target;

import io.diffmix.core.score.ClosedFormMixture;
import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.TrueDistribution;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * P0 = Σ_j w_j N(μ_j, σ0² I), with its exact score and log-density at every time.
 *
 * <p>At VE time t the noised law is Σ_j w_j N(μ_j, (σ0² + t) I), and its score is (m(y) − y)/s² with
 * s² = σ0² + t, m(y) = Σ_j π_j(y) μ_j and π = softmax_j(log w_j − |y − μ_j|²/(2s²)) (README,
 * "Plugins and their parameters"). The softmax is taken with log-sum-exp. Another schedule is served through y = x/α:
 * s(x) = s_VE(x/α)/α.
 *
 * <p>The divergence follows from ∇·m(y) = tr Cov[μ | y]/s² = Σ_j π_j |μ_j − m(y)|²/s² (the posterior covariance
 * of the component mean): ∇·s_VE = (tr Cov[μ | y]/s² − n)/s².
 */
public final class GaussianMixture implements TrueDistribution, ScoreDivergence, ClosedFormMixture {
  private final double[] weights;
  private final double[] logWeights;
  private final double[] means;
  private final int dim;
  private final int k;
  private final double sigma0;
  private final double[] cumulative;

  /**
   * @param weights w_j, non-negative, summing to 1
   * @param means μ_j, flat and row-major, k × dim
   * @param dim the dimension
   * @param sigma0 σ0 > 0
   */
  public GaussianMixture(double[] weights, double[] means, int dim, double sigma0) {
    if (means.length != weights.length * dim) {
      throw new IllegalArgumentException("means must be k x dim");
    }
    this.weights = weights.clone();
    this.means = means.clone();
    this.dim = dim;
    this.k = weights.length;
    this.sigma0 = sigma0;
    this.logWeights = new double[k];
    this.cumulative = new double[k];
    double c = 0;
    for (int j = 0; j < k; j++) {
      logWeights[j] = Math.log(weights[j]);
      c += weights[j];
      cumulative[j] = c;
    }
  }

  @Override
  public int dim() {
    return dim;
  }

  public double sigma0() {
    return sigma0;
  }

  @Override
  public Optional<DiscreteMixture> mixture() {
    return Optional.of(new DiscreteMixture(weights.clone(), means.clone(), dim, sigma0));
  }

  @Override
  public void sample(int rows, RandomGenerator rng, double[] out) {
    for (int i = 0; i < rows; i++) {
      drawClean(rng, out, i * dim);
    }
  }

  /** One row of {@link #sample}: the same draws in the same order. */
  @Override
  public void drawClean(RandomGenerator rng, double[] out, int offset) {
    int j = component(rng.nextDouble());
    for (int d = 0; d < dim; d++) {
      out[offset + d] = means[j * dim + d] + sigma0 * rng.nextGaussian();
    }
  }

  /** The component whose cumulative weight first exceeds u; the last positive one if round-off leaves a gap. */
  private int component(double u) {
    for (int j = 0; j < k; j++) {
      if (u < cumulative[j]) {
        return j;
      }
    }
    for (int j = k - 1; j >= 0; j--) {
      if (weights[j] > 0) {
        return j;
      }
    }
    return k - 1;
  }

  @Override
  public ScoreModel exactScore() {
    return this;
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double s2 = sigma0 * sigma0 + tVe;
    double invAlpha = 1.0 / alpha;
    double[] logit = new double[k];
    for (int i = from; i < to; i++) {
      int row = i * dim;
      softmaxInPlace(x, row, invAlpha, s2, logit);
      for (int d = 0; d < dim; d++) {
        double m = 0;
        for (int j = 0; j < k; j++) {
          m += logit[j] * means[j * dim + d];
        }
        double y = x[row + d] * invAlpha;
        // s(x) = s_VE(x/α)/α with s_VE(y) = (m(y) − y)/s²
        out[row + d] = (m - y) / s2 * invAlpha;
      }
    }
  }

  @Override
  public void scoreAndDivergence(double tVe, double alpha, double[] x, int count, double[] out, double[] div) {
    int from = 0;
    int to = count;
    double s2 = sigma0 * sigma0 + tVe;
    double invAlpha = 1.0 / alpha;
    double[] logit = new double[k];
    double[] m = new double[dim];
    for (int i = from; i < to; i++) {
      int row = i * dim;
      softmaxInPlace(x, row, invAlpha, s2, logit);
      for (int d = 0; d < dim; d++) {
        double md = 0;
        for (int j = 0; j < k; j++) {
          md += logit[j] * means[j * dim + d];
        }
        m[d] = md;
        out[row + d] = (md - x[row + d] * invAlpha) / s2 * invAlpha;
      }
      // tr Cov[μ | y] = Σ_j π_j |μ_j − m|², summed about m so that no large squares cancel
      double trCov = 0;
      for (int j = 0; j < k; j++) {
        double d2 = 0;
        for (int d = 0; d < dim; d++) {
          double diff = means[j * dim + d] - m[d];
          d2 += diff * diff;
        }
        trCov += logit[j] * d2;
      }
      div[i] = (trCov / s2 - dim) / s2 * invAlpha * invAlpha;
    }
  }

  /** Overwrites {@code logit} with the responsibilities π_j(y), y = x·invAlpha; returns log Σ_j e^{logit_j}. */
  private double softmaxInPlace(double[] x, int row, double invAlpha, double s2, double[] logit) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double d2 = 0;
      for (int d = 0; d < dim; d++) {
        double diff = x[row + d] * invAlpha - means[j * dim + d];
        d2 += diff * diff;
      }
      double l = logWeights[j] - d2 / (2 * s2);
      logit[j] = l;
      if (l > max) {
        max = l;
      }
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double e = Math.exp(logit[j] - max);
      logit[j] = e;
      sum += e;
    }
    for (int j = 0; j < k; j++) {
      logit[j] /= sum;
    }
    return max + Math.log(sum);
  }

  @Override
  public void logDensity(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double s2 = sigma0 * sigma0 + tVe;
    double invAlpha = 1.0 / alpha;
    // log p(x) = log p_VE(x/α) − n log α, and log p_VE = LSE_j(log w_j − |y−μ_j|²/2s²) − (n/2) log(2π s²)
    double constant = -0.5 * dim * Math.log(2 * Math.PI * s2) - dim * Math.log(alpha);
    double[] logit = new double[k];
    for (int i = from; i < to; i++) {
      out[i] = softmaxInPlace(x, i * dim, invAlpha, s2, logit) + constant;
    }
  }

  /**
   * The index of the component with the largest responsibility at t = 0 for row i (hard assignment, as
   * {@code mixture-recovery} defines it).
   */
  public int assign(double[] x, int row) {
    int best = 0;
    double bestLogit = Double.NEGATIVE_INFINITY;
    double s2 = sigma0 * sigma0;
    for (int j = 0; j < k; j++) {
      double d2 = 0;
      for (int d = 0; d < dim; d++) {
        double diff = x[row * dim + d] - means[j * dim + d];
        d2 += diff * diff;
      }
      double l = logWeights[j] - d2 / (2 * s2);
      if (l > bestLogit) {
        bestLogit = l;
        best = j;
      }
    }
    return best;
  }
}

package io.diffmix.regression;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classical baseline, {@code em-gmm}: fit a Gaussian mixture to the clean training rows by EM, then use
 * its closed-form noised score at every time ({@link EmGmmModel}). It has no levels; every sampler, schedule
 * and grid runs on it.
 *
 * <p>With {@code components: "bic"} the number of components is chosen from 1 to {@code k_max} by the Bayesian
 * information criterion −2 log L + (free parameters)·ln N. Each k is fitted from {@code inits} k-means++
 * seedings and keeps the best log-likelihood.
 */
public final class EmGmmLearner implements Learner {
  private final Config config;

  /**
   * @param components k, or 0 to choose it by BIC
   * @param kMax the largest k BIC considers
   * @param covariance "spherical", "diag" or "full"
   * @param inits k-means++ seedings per k
   * @param maxIterations EM iterations at most
   * @param tolerance stop when the mean log-likelihood improves by less than tolerance·|ℓ|
   * @param regCovar added to every covariance's diagonal
   */
  public record Config(int components, int kMax, String covariance, int inits, int maxIterations, double tolerance,
      double regCovar) {}

  public EmGmmLearner(Config config) {
    this.config = config;
  }

  @Override
  public FittedModel fit(Input in) {
    Samples x = in.train();
    int n = x.dim();
    List<Integer> ks = new ArrayList<>();
    if (config.components() > 0) {
      ks.add(config.components());
    } else {
      for (int k = 1; k <= config.kMax(); k++) {
        ks.add(k);
      }
    }
    GaussianMixtureEm.Fit best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    Map<String, Double> bics = new LinkedHashMap<>();
    int done = 0;
    for (int k : ks) {
      GaussianMixtureEm.Fit bestOfK = null;
      for (int init = 0; init < config.inits(); init++) {
        GaussianMixtureEm.Fit f = GaussianMixtureEm.fit(x, k, config.covariance(), config.regCovar(),
            config.maxIterations(), config.tolerance(), in.streams().stream("em-init:" + k, init), in.parallel());
        if (bestOfK == null || f.logLikelihood() > bestOfK.logLikelihood()) {
          bestOfK = f;
        }
      }
      double bic = -2 * x.rows() * bestOfK.logLikelihood() + parameters(k, n) * Math.log(x.rows());
      bics.put(Integer.toString(k), bic);
      if (bic < bestBic) {
        bestBic = bic;
        best = bestOfK;
      }
      in.progress().advanced(++done, ks.size());
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("components", best.components());
    summary.put("covariance", config.covariance());
    summary.put("log_likelihood", best.logLikelihood());
    summary.put("iterations", best.logLikelihoods().size() - 1);
    summary.put("weights", best.weights());
    summary.put("means", best.means());
    if (ks.size() > 1) {
      summary.put("bic", bics);
    }
    return new FittedModel(new EmGmmModel(best.weights(), best.means(), best.covariances(), n), 0, 0, summary);
  }

  /** Free parameters of a k-component mixture in n dimensions. */
  private long parameters(int k, int n) {
    long cov = switch (config.covariance()) {
      case "spherical" -> k;
      case "diag" -> (long) k * n;
      default -> (long) k * n * (n + 1) / 2;
    };
    return (k - 1) + (long) k * n + cov;
  }

  /** The {@code em-gmm} factory. */
  public static final class Factory implements LearnerFactory<Config> {
    @Override
    public String name() {
      return "em-gmm";
    }

    @Override
    public String description() {
      return "classical baseline: EM for a Gaussian mixture on the clean data (k-means++ seeds, k fixed or by BIC), "
          + "then its closed-form noised score at every time";
    }

    @Override
    public List<Param> params() {
      return List.of(
          Param.integer("components", 3, "number of components k, or \"bic\" to choose it from 1 to k_max")
              .atLeast(1).atMost(1000).orKeyword("bic"),
          Param.integer("k_max", 12, "largest k that BIC considers").atLeast(1).atMost(1000),
          Param.choice("covariance", "full", "covariance structure", "spherical", "diag", "full"),
          Param.integer("inits", 3, "k-means++ seedings per k; the best log-likelihood is kept").atLeast(1)
              .atMost(1000),
          Param.integer("max_iterations", 500, "EM iterations at most").atLeast(1).atMost(1_000_000),
          Param.real("tolerance", 1e-10, "stop when the mean log-likelihood improves by less than this times "
              + "its size").greaterThan(0),
          Param.real("reg_covar", 1e-6, "added to each covariance's diagonal").atLeast(0));
    }

    @Override
    public Config configure(Params p) {
      int k = p.isKeyword("components", "bic") ? 0 : p.integer("components");
      return new Config(k, p.integer("k_max"), p.text("covariance"), p.integer("inits"),
          p.integer("max_iterations"), p.real("tolerance"), p.real("reg_covar"));
    }

    @Override
    public Learner create(Config config) {
      return new EmGmmLearner(config);
    }

    @Override
    public io.diffmix.core.score.ScoreModel readModel(java.io.DataInputStream in,
        io.diffmix.core.registry.Registry registry) throws java.io.IOException {
      return EmGmmModel.readPayload(in);
    }
  }
}

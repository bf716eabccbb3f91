package io.diffmix.regression;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classical baseline, {@code em-gmm}: fit a Gaussian mixture to the clean training rows by EM, then use
 * its closed-form noised score at every time ({@link EmGmmModel}). It has no levels; every sampler, schedule
 * and grid runs on it.
 *
 * <p>Each of {@code inits} EM starts is the hard assignment of the least-inertia run of {@code kmeans_inits}
 * greedy-k-means++-seeded k-means; the start whose EM ends with the best log-likelihood wins. With
 * {@code components} absent or {@code "bic"}, k is chosen from 1 to {@code k_max} (at most the number of rows)
 * by the Bayesian information criterion −2 log L + (free parameters)·ln N.
 */
public final class EmGmmLearner implements Learner {
  private final Config config;

  /**
   * @param components k, or 0 to choose it by BIC
   * @param kMax the largest k BIC considers
   * @param covariance "spherical", "diag" or "full"
   * @param inits EM starts per k
   * @param kmeansInits k-means runs per EM start
   * @param kmeansRows rows k-means runs on, drawn per EM start (all when fewer)
   * @param maxIterations EM iterations at most
   * @param tolerance stop when the mean log-likelihood per row changes by less than this
   * @param regCovar added to every covariance's diagonal
   */
  public record Config(int components, int kMax, String covariance, int inits, int kmeansInits, int kmeansRows,
      int maxIterations, double tolerance, double regCovar) {}

  public EmGmmLearner(Config config) {
    this.config = config;
  }

  /** A fixed k needs k rows, one for each component's first mean. */
  @Override
  public int minTrainRows() {
    return Math.max(2, config.components());
  }

  @Override
  public String minTrainRowsReason() {
    return config.components() > 0 ? "one row per component" : "two rows have a spread";
  }

  /**
   * Beside copies of the rows, each component's n × n covariance, its Cholesky factor and inverse, and every
   * thread's sufficient statistics of them, for the largest k tried.
   */
  @Override
  public Footprint footprint(Shape shape) {
    double n = shape.dim();
    int k = config.components() > 0 ? config.components() : Math.min(config.kMax(), shape.rows());
    double doubles = 4.0 * shape.rows() * n + (shape.threads() + 4.0) * k * n * n;
    return new Footprint(Footprint.doubles(doubles), config.components() > 0 ? "components" : "k_max",
        String.format(Locale.ROOT, "%d components' %,.0f x %,.0f covariances", k, n, n));
  }

  @Override
  public FittedModel fit(Input in) {
    Samples x = in.train();
    int n = x.dim();
    List<Integer> ks = new ArrayList<>();
    if (config.components() > 0) {
      if (config.components() > x.rows()) {
        throw new BadInputException("learner em-gmm: components = " + config.components() + " needs at least "
            + config.components() + " training rows, got " + x.rows() + "; valid: components <= train, or "
            + "\"bic\"");
      }
      ks.add(config.components());
    } else {
      for (int k = 1; k <= Math.min(config.kMax(), x.rows()); k++) {
        ks.add(k);
      }
    }
    GaussianMixtureEm.Settings settings = new GaussianMixtureEm.Settings(config.covariance(), config.regCovar(),
        config.maxIterations(), config.tolerance(), config.kmeansInits(), config.kmeansRows());
    GaussianMixtureEm.Fit best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    Map<String, Double> bics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<Double> bestInits = null;
    int done = 0;
    for (int k : ks) {
      GaussianMixtureEm.Fit bestOfK = null;
      List<Double> inits = new ArrayList<>();
      int capped = 0;
      double worstChange = 0;
      for (int init = 0; init < config.inits(); init++) {
        GaussianMixtureEm.Fit f = GaussianMixtureEm.fit(x, k, settings, in.streams().stream("em-init:" + k, init),
            in.parallel());
        inits.add(f.logLikelihood());
        if (!f.converged()) {
          capped++;
          worstChange = Math.max(worstChange, f.lastChange());
        }
        if (bestOfK == null || f.logLikelihood() > bestOfK.logLikelihood()) {
          bestOfK = f;
        }
      }
      if (capped > 0) {
        warnings.add(String.format(Locale.ROOT, "k = %d: %d of %d EM starts hit max_iterations = %d with the "
            + "mean log-likelihood still changing by up to %.3g > tolerance = %.3g; raise max_iterations",
            k, capped, config.inits(), config.maxIterations(), worstChange, config.tolerance()));
      }
      if (bestOfK.removed() > 0) {
        warnings.add(String.format(Locale.ROOT, "k = %d: %d component(s) lost all their rows and were removed, "
            + "leaving %d", k, bestOfK.removed(), bestOfK.components()));
      }
      double bic = -2 * x.rows() * bestOfK.logLikelihood() + parameters(bestOfK.components(), n)
          * Math.log(x.rows());
      bics.put(Integer.toString(k), bic);
      if (bic < bestBic) {
        bestBic = bic;
        best = bestOfK;
        bestInits = inits;
      }
      in.progress().advanced(++done, ks.size());
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("components", best.components());
    summary.put("covariance", config.covariance());
    summary.put("log_likelihood", best.logLikelihood());
    summary.put("iterations", best.iterations());
    summary.put("converged", best.converged());
    summary.put("init_log_likelihoods", bestInits);
    summary.put("weights", best.weights());
    summary.put("means", best.means());
    summary.put("covariances", best.covariances());
    if (ks.size() > 1) {
      summary.put("bic", bics);
    }
    summary.put("warnings", warnings);
    return new FittedModel(new EmGmmModel(best.weights(), best.means(), best.covariances(), n), summary);
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

  /** EM starts per k (README, "em-gmm", for the measurement behind it). */
  static final int INITS = 1;
  /** k-means runs per EM start (README, "em-gmm"). */
  static final int KMEANS_INITS = 3;
  /** Rows k-means runs on (README, "em-gmm"). */
  static final int KMEANS_ROWS = 10_000;

  /** The {@code em-gmm} factory. */
  public static final LearnerFactory<Config> FACTORY = new LearnerFactory.Of<>("em-gmm", "classical baseline: EM "
      + "for a Gaussian mixture on the clean data (k-means starts, k fixed or by BIC), then its closed-form noised "
      + "score at every time", params(), EmGmmLearner::configure, EmGmmLearner::new,
      (in, registry) -> EmGmmModel.readPayload(in));

  private static List<Param> params() {
    return List.of(
        Param.integer("components", 3, "number of components k; absent or \"bic\": chosen by BIC from 1 to "
            + "k_max").atLeast(1).atMost(1000).orKeyword("bic").defaultKeyword("bic"),
        Param.integer("k_max", 12, "largest k that BIC considers").atLeast(1).atMost(1000),
        Param.choice("covariance", "full", "covariance structure", "spherical", "diag", "full"),
        Param.integer("inits", INITS, "EM starts per k; the best log-likelihood is kept").atLeast(1)
            .atMost(1000),
        Param.integer("kmeans_inits", KMEANS_INITS, "greedy k-means++ seeded k-means runs per EM start; the "
            + "least inertia starts EM").atLeast(1).atMost(1000),
        Param.integer("kmeans_rows", KMEANS_ROWS, "rows drawn for k-means at each EM start (all when fewer); "
            + "EM itself runs on all rows").atLeast(1).atMost(Integer.MAX_VALUE),
        Param.integer("max_iterations", 100, "EM iterations at most").atLeast(1).atMost(1_000_000),
        Param.real("tolerance", 1e-3, "stop when the mean log-likelihood per row changes by less than this "
            + "(absolute)").greaterThan(0),
        Param.real("reg_covar", 1e-6, "added to each covariance's diagonal").atLeast(0));
  }

  private static Config configure(Params p) {
    int k = p.isKeyword("components", "bic") ? 0 : p.integer("components");
    return new Config(k, p.integer("k_max"), p.text("covariance"), p.integer("inits"), p.integer("kmeans_inits"),
        p.integer("kmeans_rows"), p.integer("max_iterations"), p.real("tolerance"), p.real("reg_covar"));
  }
}

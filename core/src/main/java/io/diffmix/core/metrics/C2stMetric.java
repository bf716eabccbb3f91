package io.diffmix.core.metrics;

import io.diffmix.core.config.Param;
import io.diffmix.core.data.Samples;
import io.diffmix.core.random.Permutation;
import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The {@code c2st} metric, the classifier two-sample test (Lopez-Paz and Oquab 2017): label generated points
 * 1 and reference points 0, on balanced sets, and report the k-fold accuracy of a classifier.
 *
 * <p>Accuracy a bounds the total variation from below: TV ≥ 2a − 1, since no classifier beats the Bayes
 * accuracy ½(1 + TV). {@code tv_lower_bound} = max(0, 2a − 1), with a 95% Wilson interval for a over all held-out
 * predictions. The default classifier is logistic regression on quadratic features, fitted by Newton's method;
 * k-NN with k ≈ √N is the other choice (smaller k falls well short of the Bayes accuracy).
 */
public final class C2stMetric {
  /** The {@code c2st} factory. */
  public static final MetricFactory<Config> FACTORY = new MetricFactory.Of<>("c2st",
      "classifier two-sample test: k-fold accuracy of logistic regression on quadratic features "
          + "(or k-NN), with tv_lower_bound = max(0, 2 acc - 1)",
      List.of(
          Param.choice("classifier", "logistic", "logistic: logistic regression on quadratic features; "
              + "knn: k nearest neighbours", "logistic", "knn"),
          Param.integer("folds", 5, "k of the k-fold cross-validation").atLeast(2).atMost(100),
          Param.integer("neighbours", "k of k-NN; null for about sqrt(training rows)").atLeast(1).orAuto()),
      p -> new Config(p.text("classifier"), p.integer("folds"), p.isAuto("neighbours") ? 0 : p.integer("neighbours")),
      C2stMetric::metric);

  /** z of a two-sided 95% interval. */
  private static final double Z95 = 1.959963984540054;

  /**
   * @param classifier "logistic" or "knn"
   * @param folds k of the k-fold split
   * @param neighbours k of k-NN, or 0 for ≈ √(training rows), made odd
   */
  public record Config(String classifier, int folds, int neighbours) {}

  private static Metric metric(Config c) {
    Metric test = Metric.sample(Optional.of("accuracy"), false,
        input -> test(input.generated(), input.reference(), c, input.streams().stream("folds"), input));
    if (c.classifier().equals("knn")) {
      return test;
    }
    return new Metric() {
      @Override
      public Optional<String> primaryField() {
        return test.primaryField();
      }

      @Override
      public Result evaluate(Input input) {
        return test.evaluate(input);
      }

      /** Newton's method holds a Hessian and its Cholesky factor, p × p each, for every fold that runs at once. */
      @Override
      public Footprint footprint(int rows, int dim, int threads) {
        double p = 1 + dim + dim * (dim + 1.0) / 2;
        return new Footprint(Footprint.doubles(4.0 * rows * dim + 2 * p * p * Math.min(threads, c.folds())),
            "classifier", "the logistic classifier's Hessians, " + (long) p + " quadratic features in dim " + dim
            + "; knn holds none");
      }
    };
  }

  static Metric.Result test(Samples gen, Samples ref, Config c, RandomGenerator rng, Metric.Input input) {
    int n = Math.min(gen.rows(), ref.rows());
    int d = gen.dim();
    int total = 2 * n;
    // pooled standardisation keeps the quadratic features well scaled
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (Samples s : new Samples[] {gen, ref}) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          mean[j] += s.get(i, j) / total;
        }
      }
    }
    for (Samples s : new Samples[] {gen, ref}) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double v = s.get(i, j) - mean[j];
          sd[j] += v * v / total;
        }
      }
    }
    double[] z = new double[total * d];
    int[] label = new int[total];
    for (int i = 0; i < total; i++) {
      Samples s = i < n ? gen : ref;
      int row = i < n ? i : i - n;
      label[i] = i < n ? 1 : 0;
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (s.get(row, j) - mean[j]) / Math.sqrt(Math.max(sd[j], 1e-300));
      }
    }
    int[] fold = new int[total];
    int[] perm = Permutation.of(total, rng);
    for (int p = 0; p < total; p++) {
      fold[perm[p]] = p % c.folds();
    }
    Classifier classifier = c.classifier().equals("knn") ? new NearestNeighbours(c.neighbours())
        : new QuadraticLogistic();
    List<Integer> correct = input.parallel().mapChunks(c.folds(), 1,
        (f, unused) -> classifier.correctOnFold(z, label, d, fold, f));
    int right = 0;
    for (int r : correct) {
      right += r;
    }
    double acc = (double) right / total;
    double[] ci = wilson(right, total);
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("accuracy", acc);
    v.put("accuracy_ci_low", ci[0]);
    v.put("accuracy_ci_high", ci[1]);
    v.put("tv_lower_bound", Math.max(0, 2 * acc - 1));
    v.put("tv_lower_bound_ci_low", Math.max(0, 2 * ci[0] - 1));
    v.put("tv_lower_bound_ci_high", Math.max(0, 2 * ci[1] - 1));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("classifier", classifier.describe(total - total / c.folds()));
    details.put("folds", c.folds());
    details.put("rows_per_class", n);
    return new Metric.Result(v, details);
  }

  /** The 95% Wilson score interval of a binomial proportion k/n. */
  static double[] wilson(int k, int n) {
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new double[] {centre - half, centre + half};
  }
}

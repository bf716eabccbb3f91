package io.diffmix.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.testkit.TestSchedules;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The sample metrics against their closed forms between Gaussians. Each tolerance is a stated number of
 * standard deviations of the estimator, from a variance bound written beside it.
 */
class MetricClosedFormsTest {

  /** n points of N(shift·e₁, scale² I) in dimension d, from stream (name, index). */
  static Samples gaussian(int n, int d, double shift, double scale, String name, long index) {
    RandomGenerator rng = new RandomStreams(17).stream(name, index);
    Samples s = Samples.zeros(n, d);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        s.data()[i * d + c] = scale * rng.nextGaussian() + (c == 0 ? shift : 0);
      }
    }
    return s;
  }

  /**
   * Between N(0, I) and N(δe₁, I) in d dimensions, with k = exp(−|x − y|²/(2h²)):
   * MMD² = 2c(1 − exp(−δ²/(2(h² + 2)))), c = (h²/(h² + 2))^{d/2}. The estimator is unbiased for any n, so the mean
   * of R replicates of n points converges to it. Its kernel h(z, z') lies in [−2, 2], so ζ2 ≤ 4, ζ1 ≤ ζ2/2 and
   * Var ≤ 4ζ1/n + 2ζ2/n² = 8/n + 8/n²: with n = 100 and R = 6000 the mean's sd is at most 0.0037.
   */
  @Test
  void mmdMatchesItsClosedFormBetweenShiftedGaussians() {
    int d = 2;
    int n = 100;
    int replicates = 6000;
    double delta = 1.5;
    double h = 1;
    double c = Math.pow(h * h / (h * h + 2), d / 2.0);
    double exact = 2 * c * (1 - Math.exp(-delta * delta / (2 * (h * h + 2))));
    double sum = 0;
    try (Parallel par = Parallel.serial()) {
      for (int r = 0; r < replicates; r++) {
        sum += MmdMetric.mmd2(gaussian(n, d, 0, 1, "x", r), gaussian(n, d, delta, 1, "y", r), h, par);
      }
    }
    double sd = Math.sqrt((8.0 / n + 8.0 / (n * n)) / replicates);
    assertThat(sum / replicates).isCloseTo(exact, within(5 * sd));
  }

  /**
   * SW2² = E_θ[(θ·Δ)²] + (s1 − s2)² = |Δ|²/d + (s1 − s2)² between N(0, s1²I) and N(Δ, s2²I). Two errors: the
   * L directions (in d = 2, (θ·Δ)² = |Δ|²cos²φ has variance |Δ|⁴/8, so sd |Δ|²/√(8L)) and the samples'
   * own mean difference (Δ̂ − Δ ~ N(0, (s1² + s2²)/n) per coordinate, moving |Δ̂|²/2 by sd
   * |Δ|√((s1² + s2²)/n)). The scale term's error is a few 1e-3 at this n.
   */
  @Test
  void slicedWassersteinMatchesItsClosedFormBetweenGaussians() {
    int n = 10_000;
    int projections = 1000;
    Samples x = gaussian(n, 2, 0, 1, "sw-x", 0);
    Samples y = gaussian(n, 2, 1, 1, "sw-y", 0);
    double sw = SlicedWassersteinMetric.slicedW2(x, y, projections, new RandomStreams(3));
    double sd = Math.sqrt(1.0 / (8 * projections) + 2.0 / n);
    assertThat(sw * sw).isCloseTo(0.5, within(5 * sd));

    Samples wide = gaussian(n, 2, 0, 2, "sw-wide", 0);
    double scaleOnly = SlicedWassersteinMetric.slicedW2(x, wide, projections, new RandomStreams(3));
    // (s1 − s2)² = 1; ŝ2 − ŝ1 has sd √((s1² + s2²)/(2n)) = 0.016, so the square moves by about 2·0.016
    assertThat(scaleOnly * scaleOnly).isCloseTo(1.0, within(5 * 2 * Math.sqrt(5.0 / (2 * n))));
  }

  @Test
  void oneDimensionalW2IsTheQuantileDistanceEvenForUnequalSizes() {
    // F⁻¹ of {0, 1} and G⁻¹ of {0, 0, 3}: on [0, 1/3) 0 vs 0, [1/3, 1/2) 0 vs 0, [1/2, 2/3) 1 vs 0, [2/3, 1) 1 vs 3
    double w2 = SlicedWassersteinMetric.w2Squared(new double[] {1, 0}, new double[] {3, 0, 0});
    assertThat(w2).isCloseTo((2.0 / 3 - 0.5) * 1 + (1 - 2.0 / 3) * 4, within(1e-15));
  }

  /**
   * Between N(0, 1) and N(1, 1): E|X − Y| = σ√(2/π)e^{−Δ²/(2σ²)} + Δ(1 − 2Φ(−Δ/σ)) with σ² = 2, Δ = 1, and
   * E|X − X'| = 2/√π. The estimator is unbiased; its kernel has E h² ≤ 4(2E|X − Y|² + E|X − X'|² + E|Y − Y'|²) =
   * 40, so Var ≤ 4·20/n + 2·40/n², and R replicates divide that by R.
   */
  @Test
  void energyDistanceMatchesItsClosedFormInOneDimension() {
    double sigma = Math.sqrt(2);
    double delta = 1;
    NormalDistribution phi = new NormalDistribution(0, 1);
    double exy = sigma * Math.sqrt(2 / Math.PI) * Math.exp(-delta * delta / (2 * sigma * sigma))
        + delta * (1 - 2 * phi.cumulativeProbability(-delta / sigma));
    double exact = 2 * exy - 2 * (2 / Math.sqrt(Math.PI));
    int n = 200;
    int replicates = 4000;
    double sum = 0;
    try (Parallel par = Parallel.serial()) {
      for (int r = 0; r < replicates; r++) {
        sum += EnergyMetric.energy(gaussian(n, 1, 0, 1, "ex", r), gaussian(n, 1, 1, 1, "ey", r), par);
      }
    }
    double sd = Math.sqrt((80.0 / n + 80.0 / (n * n)) / replicates);
    assertThat(sum / replicates).isCloseTo(exact, within(5 * sd));
  }

  private static Metric.Result c2st(Samples a, Samples b, String classifier) {
    var factory = C2stMetric.FACTORY;
    var config = new C2stMetric.Config(classifier, 5, 0);
    try (Parallel par = new Parallel(2)) {
      return factory.create(config).evaluate(new Metric.Input(a, b, Optional.empty(), Optional.empty(),
          TestSchedules.ve(), new double[] {1}, new RandomStreams(8), par));
    }
  }

  /** Under the null every classifier is at chance; over 20,000 predictions the accuracy's sd is 0.0035. */
  @Test
  void c2stIsAtChanceForOneDistribution() {
    Metric.Result r = c2st(gaussian(10_000, 2, 0, 1, "c0", 0), gaussian(10_000, 2, 0, 1, "c1", 0), "logistic");
    assertThat(r.values().get("accuracy")).isCloseTo(0.5, within(0.02));
    assertThat(r.values().get("accuracy_ci_low")).isLessThan(r.values().get("accuracy"));
    assertThat(r.details().get("classifier")).isEqualTo("logistic regression on quadratic features");
  }

  /** Between N(0, 1) and N(1, 1) the Bayes rule is x > ½, with accuracy Φ(½) = 0.6915; sd 0.0033 at 20,000. */
  @Test
  void c2stReachesTheBayesAccuracyBetweenShiftedGaussians() {
    double bayes = new NormalDistribution(0, 1).cumulativeProbability(0.5);
    Metric.Result r = c2st(gaussian(10_000, 1, 1, 1, "s1", 0), gaussian(10_000, 1, 0, 1, "s0", 0), "logistic");
    assertThat(r.values().get("accuracy")).isCloseTo(bayes, within(0.02));
    assertThat(r.values().get("tv_lower_bound")).isCloseTo(2 * bayes - 1, within(0.04));
  }

  /** k-NN with k ≈ √N approaches the same Bayes accuracy, from below. */
  @Test
  void c2stWithNearestNeighboursApproachesTheBayesAccuracy() {
    double bayes = new NormalDistribution(0, 1).cumulativeProbability(0.5);
    Metric.Result r = c2st(gaussian(3000, 1, 1, 1, "k1", 0), gaussian(3000, 1, 0, 1, "k0", 0), "knn");
    // sd 0.006 at 6,000 predictions, and k-NN's excess error at k = 69 is about 0.01 here
    assertThat(r.values().get("accuracy")).isCloseTo(bayes, within(0.035));
    assertThat((String) r.details().get("classifier")).startsWith("k-nearest neighbours, k = ");
  }

  @Test
  void wilsonIntervalCoversTheProportion() {
    double[] ci = C2stMetric.wilson(60, 100);
    assertThat(ci[0]).isCloseTo(0.5020, within(1e-3));
    assertThat(ci[1]).isCloseTo(0.6906, within(1e-3));
  }
}

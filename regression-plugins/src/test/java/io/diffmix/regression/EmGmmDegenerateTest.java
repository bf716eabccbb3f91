package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.testkit.TestSchedules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The degenerate inputs of em-gmm: fewer rows than components, duplicate rows, components that lose all rows. */
class EmGmmDegenerateTest {
  private static final GaussianMixtureEm.Settings FULL =
      new GaussianMixtureEm.Settings("full", 1e-6, 100, 1e-3, 1, 10_000);

  private static Learner.FittedModel fit(EmGmmLearner.Config config, Samples x) {
    try (Parallel par = Parallel.serial()) {
      return new EmGmmLearner(config).fit(new Learner.Input(x, TestSchedules.ve(), new double[] {1.0},
          new RandomStreams(3), par, Optional.empty(), Learner.Progress.NONE));
    }
  }

  private static EmGmmLearner.Config config(int components, double reg) {
    return new EmGmmLearner.Config(components, 12, "full", 1, 1, 10_000, 100, 1e-3, reg);
  }

  /** 3 distinct points, each repeated 100 times, in 2-D. */
  private static Samples duplicates() {
    double[][] points = {{0, 0}, {4, 1}, {-2, 5}};
    Samples x = Samples.zeros(300, 2);
    for (int i = 0; i < 300; i++) {
      System.arraycopy(points[i % 3], 0, x.data(), 2 * i, 2);
    }
    return x;
  }

  @Test
  void fewerRowsThanComponentsIsBadInput() {
    Samples x = Samples.zeros(3, 2);
    x.data()[2] = 1;
    x.data()[5] = 2;
    assertThatThrownBy(() -> fit(config(5, 1e-6), x)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("components = 5").hasMessageContaining("got 3").hasMessageContaining("valid");
  }

  /** BIC considers k only up to the number of rows, so three rows still fit. */
  @Test
  void bicStopsAtTheNumberOfRows() {
    Samples x = Samples.zeros(3, 1);
    x.data()[1] = 1;
    x.data()[2] = 3;
    Map<String, Object> s = fit(config(0, 1e-6), x).summary();
    @SuppressWarnings("unchecked")
    Map<String, Double> bic = (Map<String, Double>) s.get("bic");
    assertThat(bic).containsOnlyKeys("1", "2", "3");
  }

  /**
   * On the three distinct points, k = 3 puts one component on each, with weight 1/3 and covariance reg·I: the
   * per-component scatter is exactly zero.
   */
  @Test
  void duplicateRowsGiveOneComponentPerPoint() {
    Map<String, Object> s = fit(config(3, 1e-6), duplicates()).summary();
    assertThat(s.get("components")).isEqualTo(3);
    double[] w = (double[]) s.get("weights");
    double[][] cov = (double[][]) s.get("covariances");
    for (int j = 0; j < 3; j++) {
      assertThat(w[j]).isCloseTo(1.0 / 3, within(1e-12));
      assertThat(cov[j][0]).isCloseTo(1e-6, within(1e-15));
      assertThat(cov[j][1]).isCloseTo(0, within(1e-15));
      assertThat(cov[j][3]).isCloseTo(1e-6, within(1e-15));
    }
    // log(1/3) + log N(x; x, 1e-6 I) in 2-D = −log 3 − log(2π·1e-6); the other components add e^(−10⁶)
    assertThat((double) s.get("log_likelihood")).isCloseTo(-Math.log(3) - Math.log(2 * Math.PI * 1e-6),
        within(1e-9));
  }

  /**
   * Five components on three distinct points: k-means can give only three clusters rows, the other two start
   * empty and are removed, and the report says so.
   */
  @Test
  void moreComponentsThanDistinctRowsRemovesTheEmptyOnes() {
    Map<String, Object> s = fit(config(5, 1e-6), duplicates()).summary();
    assertThat(s.get("components")).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<String> warnings = (List<String>) s.get("warnings");
    assertThat(warnings).anySatisfy(m -> assertThat(m).contains("2 component(s) lost all their rows"));
    assertThat((double) s.get("log_likelihood")).isFinite();
  }

  /** Without reg_covar a component on one point has a singular covariance: bad input naming the remedy. */
  @Test
  void singularCovarianceWithoutRegularisationIsBadInput() {
    assertThatThrownBy(() -> fit(config(3, 0), duplicates())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("not positive definite").hasMessageContaining("reg_covar > 0");
  }

  /**
   * A component started 1000 standard deviations from every row gets responsibility exp(−5·10⁵) = 0 from all
   * of them: EM removes it and fits the two blobs with the other two.
   */
  @Test
  void aComponentThatLosesAllItsRowsIsRemoved() {
    Samples x = twoBlobs(2000);
    double[][] cov = {{1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}};
    GaussianMixtureEm.Fit f;
    try (Parallel par = Parallel.serial()) {
      f = GaussianMixtureEm.em(x, new double[] {0.4, 0.4, 0.2}, new double[] {0.5, 0, 9.5, 0, 1000, 1000}, cov,
          FULL, par);
    }
    assertThat(f.components()).isEqualTo(2);
    assertThat(f.removed()).isEqualTo(1);
    assertThat(f.weights()[0] + f.weights()[1]).isCloseTo(1, within(1e-15));
    assertThat(f.means()[0]).isCloseTo(0, within(0.1));
    assertThat(f.means()[2]).isCloseTo(10, within(0.1));
    assertThat(f.converged()).isTrue();
  }

  /** A k-means centre far from every row gets none; it moves to the row farthest from its centre. */
  @Test
  void kMeansRelocatesAnEmptyCluster() {
    Samples x = twoBlobs(2000);
    KMeans.Result r;
    try (Parallel par = Parallel.serial()) {
      r = KMeans.lloyd(x, new double[] {5, 0, 1000, 1000}, 1e-8, par);
    }
    double[] c = r.centres();
    double lo = Math.min(c[0], c[2]);
    double hi = Math.max(c[0], c[2]);
    assertThat(lo).isCloseTo(0, within(0.1));
    assertThat(hi).isCloseTo(10, within(0.1));
  }

  /** Unit-variance blobs at (0, 0) and (10, 0), alternating rows. */
  static Samples twoBlobs(int rows) {
    java.util.random.RandomGenerator rng = new RandomStreams(5).stream("blobs");
    Samples x = Samples.zeros(rows, 2);
    for (int i = 0; i < rows; i++) {
      x.data()[2 * i] = (i % 2) * 10 + rng.nextGaussian();
      x.data()[2 * i + 1] = rng.nextGaussian();
    }
    return x;
  }
}

package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestTargets;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.testkit.TestSchedules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmGmmTest {

  /**
   * Three well-separated components at N = 1e5: the weights' standard error is √(w(1 − w)/N) ≤ 0.0016 and a
   * mean's is σ0/√(wN) ≤ 0.0071, so 0.01 and 0.05 are over six standard errors.
   */
  @Test
  void recoversAWellSeparatedMixture() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples x = TestTargets.draw(gm, 100_000, 21);
    GaussianMixtureEm.Fit fit;
    try (Parallel par = new Parallel(2)) {
      fit = GaussianMixtureEm.fit(x, 3, new GaussianMixtureEm.Settings("full", 1e-6, 500, 1e-10, 1, 10_000),
          new RandomStreams(2).stream("init"), par);
    }
    double[] w = {0.5, 0.3, 0.2};
    double[][] mu = {{0, 0}, {5, 0}, {0, 5}};
    for (int j = 0; j < 3; j++) {
      // match each true component with the fitted one nearest to its mean
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int f = 0; f < 3; f++) {
        double d = Math.hypot(fit.means()[2 * f] - mu[j][0], fit.means()[2 * f + 1] - mu[j][1]);
        if (d < bestD) {
          bestD = d;
          best = f;
        }
      }
      assertThat(fit.weights()[best]).isCloseTo(w[j], within(0.01));
      assertThat(bestD).isLessThan(0.05);
    }
  }

  /** EM never lowers the likelihood; near convergence round-off allows about 1e-12·|ℓ| (README, "Reproducibility"). */
  @Test
  void logLikelihoodIsNonDecreasing() {
    GaussianMixture gm = new GaussianMixture(new double[] {0.4, 0.35, 0.25},
        new double[] {0, 0, 2.5, 0.5, 0.5, 2.5}, 2, 1.0);
    Samples x = TestTargets.draw(gm, 20_000, 22);
    for (String cov : new String[] {"spherical", "diag", "full"}) {
      GaussianMixtureEm.Fit fit;
      try (Parallel par = Parallel.serial()) {
        fit = GaussianMixtureEm.fit(x, 3, new GaussianMixtureEm.Settings(cov, 1e-6, 200, 1e-14, 1, 10_000),
            new RandomStreams(3).stream("init"), par);
      }
      List<Double> ll = fit.logLikelihoods();
      assertThat(ll.size()).isGreaterThan(5);
      for (int i = 1; i < ll.size(); i++) {
        assertThat(ll.get(i)).as("%s iteration %d", cov, i).isGreaterThanOrEqualTo(
            ll.get(i - 1) - 1e-12 * Math.abs(ll.get(i - 1)));
      }
    }
  }

  /** Four components in 4-D, 30,000 rows: 15 chunks, so two threads really split the passes. */
  @Test
  void oneThreadAndTwoGiveTheSameBits() {
    GaussianMixture gm = new GaussianMixture(new double[] {0.4, 0.3, 0.2, 0.1},
        new double[] {0, 0, 0, 0, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 4, 4}, 4, 1.0);
    Samples x = TestTargets.draw(gm, 30_000, 24);
    GaussianMixtureEm.Settings s = new GaussianMixtureEm.Settings("full", 1e-6, 100, 1e-3, 3, 5_000);
    GaussianMixtureEm.Fit one;
    GaussianMixtureEm.Fit two;
    try (Parallel par = Parallel.serial()) {
      one = GaussianMixtureEm.fit(x, 4, s, new RandomStreams(4).stream("init"), par);
    }
    try (Parallel par = new Parallel(2)) {
      two = GaussianMixtureEm.fit(x, 4, s, new RandomStreams(4).stream("init"), par);
    }
    assertThat(two.weights()).isEqualTo(one.weights());
    assertThat(two.means()).isEqualTo(one.means());
    assertThat(two.covariances()).isDeepEqualTo(one.covariances());
    assertThat(two.logLikelihoods()).isEqualTo(one.logLikelihoods());
  }

  /**
   * EM stops at the first iteration whose mean log-likelihood per row changed by less than the tolerance, as
   * scikit-learn's: every earlier change is at least the tolerance.
   */
  @Test
  void convergesOnTheAbsoluteChangeOfTheMeanLogLikelihood() {
    Samples x = TestTargets.draw(TestTargets.quickstart(), 20_000, 25);
    GaussianMixtureEm.Fit fit;
    try (Parallel par = Parallel.serial()) {
      fit = GaussianMixtureEm.fit(x, 3, new GaussianMixtureEm.Settings("full", 1e-6, 100, 1e-6, 1, 10_000),
          new RandomStreams(5).stream("init"), par);
    }
    assertThat(fit.converged()).isTrue();
    List<Double> ll = fit.logLikelihoods();
    int last = ll.size() - 2;
    assertThat(Math.abs(ll.get(last) - ll.get(last - 1))).isLessThan(1e-6);
    for (int i = 1; i < last; i++) {
      assertThat(Math.abs(ll.get(i) - ll.get(i - 1))).as("change %d", i).isGreaterThanOrEqualTo(1e-6);
    }
    assertThat(fit.iterations()).isEqualTo(last + 1);
  }

  /** One iteration cannot converge (the first change is from −∞): the report says so and warns. */
  @Test
  void hittingTheIterationCapIsAWarning() {
    Samples x = TestTargets.draw(TestTargets.quickstart(), 5_000, 26);
    Map<String, Object> s;
    try (Parallel par = Parallel.serial()) {
      s = new EmGmmLearner(new EmGmmLearner.Config(3, 12, "full", 2, 1, 10_000, 1, 1e-3, 1e-6))
          .fit(new Learner.Input(x, TestSchedules.ve(), new double[] {1.0}, new RandomStreams(6), par,
              Optional.empty(), Learner.Progress.NONE)).summary();
    }
    assertThat(s.get("converged")).isEqualTo(false);
    assertThat(s.get("iterations")).isEqualTo(1);
    @SuppressWarnings("unchecked")
    List<String> warnings = (List<String>) s.get("warnings");
    assertThat(warnings).singleElement().asString().contains("2 of 2 EM starts hit max_iterations = 1");
  }

  /** BIC, with components absent, on three separated components in 2-D: k = 3 of 1 to 6. */
  @Test
  void bicChoosesTheTrueNumberOfComponents() {
    Samples x = TestTargets.draw(TestTargets.quickstart(), 20_000, 27);
    Map<String, Object> s;
    try (Parallel par = new Parallel(2)) {
      s = new EmGmmLearner(new EmGmmLearner.Config(0, 6, "full", 1, 1, 10_000, 100, 1e-3, 1e-6))
          .fit(new Learner.Input(x, TestSchedules.ve(), new double[] {1.0}, new RandomStreams(7), par,
              Optional.empty(), Learner.Progress.NONE)).summary();
    }
    assertThat(s.get("components")).isEqualTo(3);
    @SuppressWarnings("unchecked")
    Map<String, Double> bic = (Map<String, Double>) s.get("bic");
    assertThat(bic).hasSize(6);
  }

  /** With the true parameters, the noised closed-form score is the mixture's exact score, at any t and α. */
  @Test
  void theModelsScoreIsTheNoisedMixturesScore() {
    GaussianMixture gm = TestTargets.quickstart();
    double[][] cov = {{1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}};
    EmGmmModel model = new EmGmmModel(new double[] {0.5, 0.3, 0.2}, new double[] {0, 0, 5, 0, 0, 5}, cov, 2);
    Samples probe = TestTargets.draw(gm, 100, 23);
    double[] a = new double[200];
    double[] b = new double[200];
    for (double t : new double[] {0, 1e-3, 0.5, 8, 300}) {
      for (double alpha : new double[] {1, 0.4}) {
        model.score(t, alpha, probe.data(), 0, 100, a);
        gm.score(t, alpha, probe.data(), 0, 100, b);
        for (int q = 0; q < 200; q++) {
          assertThat(a[q]).isCloseTo(b[q], within(1e-10 * (1 + Math.abs(b[q]))));
        }
      }
    }
  }
}

package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.ParamResolver;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.PluginFactory;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.DivergenceCheck;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every built-in learner's model has an exact divergence that agrees with central finite differences of its
 * own score (DivergenceCheck derives the tolerance from the step), at t ∈ {0.01, 1, 100}, between the fitted
 * levels so that the τ interpolation is in it, for VE (α = 1) and a VP-like α = 0.6.
 */
class ModelDivergenceTest {
  private static final double[] LEVELS = {300, 30, 3, 0.3, 0.03, 0.003};
  private static final double[] TIMES = {0.01, 1, 100};
  private static final int ROWS = 300;

  @SuppressWarnings("unchecked")
  private static ScoreDivergence fit(ObjectNode config, Samples train, GaussianMixture gm) {
    Registry registry = Registry.load(List.of(), w -> { });
    String name = config.get("type").asText();
    LearnerFactory<?> f = registry.forName(Family.LEARNER, name);
    PluginFactory<Record, Learner> factory = (PluginFactory<Record, Learner>) (PluginFactory<?, ?>) f;
    Learner learner = factory.create(factory.configure(ParamResolver.resolve("learner", name, f.params(), config,
        "test", Set.of())));
    Learner.FittedModel fitted;
    try (Parallel par = new Parallel(2)) {
      fitted = learner.fit(new Learner.Input(train, TestSchedules.ve(), LEVELS, new RandomStreams(3), par,
          Optional.of(gm), Learner.Progress.NONE));
    }
    assertThat(fitted.model()).as(name).isInstanceOf(ScoreDivergence.class);
    return (ScoreDivergence) fitted.model();
  }

  private static void check(ObjectNode config) {
    GaussianMixture gm = TestTargets.quickstart();
    Samples train = TestTargets.draw(gm, 4000, 11);
    ScoreDivergence model = fit(config, train, gm);
    for (double t : TIMES) {
      for (double alpha : new double[] {1, 0.6}) {
        RandomGenerator rng = new RandomStreams(5).stream("divergence", (long) (t * 100));
        double[] x = new double[ROWS * 2];
        gm.sample(ROWS, rng, x);
        for (int q = 0; q < x.length; q++) {
          x[q] = alpha * (x[q] + Math.sqrt(t) * rng.nextGaussian());
        }
        int tight = DivergenceCheck.assertMatches(model, t, alpha, x, ROWS, alpha * Math.sqrt(1 + t));
        // a row whose differences straddle a cell boundary or the clip's sphere has a wide tolerance; few may
        assertThat(tight).as("%s: rows with a tight tolerance at t = %s", config, t).isGreaterThanOrEqualTo(
            ROWS * 95 / 100);
      }
    }
  }

  private static ObjectNode learner(String type) {
    return JsonNodeFactory.instance.objectNode().put("type", type);
  }

  @Test
  void piecewisePolynomial() {
    check(learner("piecewise-polynomial"));
    check(learner("piecewise-polynomial").put("degree", 4).put("clip_radius", 6.0));
  }

  @Test
  void piecewisePolynomialBlendedAcrossItsCellBoundaries() {
    check(learner("piecewise-polynomial").put("boundary_blend", 0.2));
    check(learner("piecewise-polynomial").put("boundary_blend", 0.05).put("clip_radius", 6.0));
  }

  @Test
  void kernelRidge() {
    check(learner("kernel-ridge").put("landmarks", 40));
    check(learner("kernel-ridge").put("landmarks", 40).put("clip_radius", 6.0));
  }

  @Test
  void emGmm() {
    check(learner("em-gmm"));
    check(learner("em-gmm").put("covariance", "spherical"));
  }

  @Test
  void exact() {
    check(learner("exact"));
  }
}

package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelRidgeLearnerTest {

  /**
   * k = 1: E[μ | y] is constant, which the affine block represents exactly, so only estimation error remains.
   * Given y the target (1 − s²/t)y + (s²/t)x has variance (s²/t)²·Var(x | y) = σ0²s²/t per coordinate, so least
   * squares on p = 1 + n + m = 54 features and N rows leaves E|f̂ − f|² ≈ n·p·σ0²s²/(N t), and the score's relative
   * error (that/s⁴)/(n/s²) = p·σ0²/(N t): 1.35% at t = 0.1 and 4.5e-6 at t = 300 with N = 40,000. The test
   * allows twice that.
   */
  @Test
  void aSingleGaussianIsLearnedToItsEstimationError() {
    GaussianMixture one = new GaussianMixture(new double[] {1}, new double[] {1, -2, 0.5}, 3, 1.0);
    Samples train = TestTargets.draw(one, 40_000, 5);
    double[] times = LearnerProbes.grid(300, 1e-2, 30);
    Learner.FittedModel m;
    try (Parallel par = new Parallel(2)) {
      var config = new KernelRidgeLearner.Config(50, 1e-6, KernelRidgeLearner.Bandwidth.NOISE, 1.0, 40_000, 1.0,
          Double.NaN);
      m = new KernelRidgeLearner(config)
          .fit(new Learner.Input(train, TestSchedules.ve(), times, new RandomStreams(1), par, Optional.empty(),
              Learner.Progress.NONE));
    }
    for (double t : times) {
      if (t >= 0.1) {
        double bound = 2 * 54.0 / (40_000 * t);
        assertThat(LearnerProbes.relativeError(m, one, t)).as("t=%s", t).isLessThan(bound);
      }
    }
  }
}

package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.spi.TrueDistribution;
import io.diffmix.core.testkit.DivergenceCheck;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Every synthetic target's exact divergence against finite differences of its exact score. */
class TargetDivergenceTest {
  private static final double[] TIMES = {0.01, 1, 100};
  private static final double[] ALPHAS = {1, 0.5};

  private static void check(TrueDistribution truth, double sigma0) {
    assertThat(truth.exactScore()).isInstanceOf(ScoreDivergence.class);
    ScoreDivergence model = (ScoreDivergence) truth.exactScore();
    int n = truth.dim();
    int rows = 200;
    for (double t : TIMES) {
      for (double alpha : ALPHAS) {
        RandomGenerator rng = new RandomStreams(3).stream("divergence", (long) (t * 100));
        double[] x = new double[rows * n];
        truth.sample(rows, rng, x);
        for (int q = 0; q < x.length; q++) {
          x[q] = alpha * (x[q] + Math.sqrt(t) * rng.nextGaussian());
        }
        int tight = DivergenceCheck.assertMatches(model, t, alpha, x, rows, alpha * Math.sqrt(sigma0 * sigma0 + t));
        assertThat(tight).as("rows with a tight tolerance at t = %s", t).isEqualTo(rows);
      }
    }
  }

  @Test
  void gaussianMixture() {
    check(new GaussianMixture(new double[] {0.5, 0.3, 0.2}, new double[] {0, 0, 5, 0, 0, 5}, 2, 1.0), 1.0);
    check(new GaussianMixture(new double[] {0.6, 0.4}, new double[] {0, 0, 0, 3, 1, -2}, 3, 0.5), 0.5);
  }

  @Test
  void circleAndSphere() {
    check(new SphereMixture(2, 2, 4.0, 1.0), 1.0);
    check(new SphereMixture(4, 3, 3.0, 0.7), 0.7);
  }

  @Test
  void balls() {
    check(new BallsMixture(new double[] {0.5, 0.5}, new double[] {0, 0, 5, 0}, 2, 1.0, 1.0), 1.0);
    check(new BallsMixture(new double[] {0.3, 0.7}, new double[] {0, 0, 0, 4, 0, 1}, 3, 1.5, 0.6), 0.6);
  }
}

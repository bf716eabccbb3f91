package io.diffmix.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.testkit.SamplerGaussianContract;
import org.junit.jupiter.api.Test;

/**
 * The sampler contract (finite, same bits for any chunk size and thread count) and its Gaussian consistency,
 * which the mixture sampler meets exactly: its points are draws of P_{t1} itself.
 */
class MixtureSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "mixture";
  }

  @Override
  protected boolean evaluatesTheScore() {
    return false;
  }

  /** No score is evaluated, so the reported NFE is 0. */
  @Test
  void reportsNoScoreEvaluations() {
    GaussianMixture gm = TestTargets.quickstart();
    Schedule ve = TestSchedules.ve();
    double[] times = grid(ve, 10);
    Prior prior = Prior.at(ve, times[0], DataMoments.of(TestTargets.draw(gm, 500, 1)));
    try (Parallel par = Parallel.serial()) {
      assertThat(SamplingRun.run(create(exampleConfig()), gm, ve, times, prior, 8, new RandomStreams(1), par, 8)
          .nfe()).isZero();
    }
  }

  /** A model that is not a closed-form mixture is one line of bad input, never a fallback to another sampler. */
  @Test
  void refusesAModelWithoutAClosedFormMixture() {
    ScoreModel notAMixture = new ScoreModel() {
      @Override
      public int dim() {
        return 2;
      }

      @Override
      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        for (int q = from * 2; q < to * 2; q++) {
          out[q] = -x[q];
        }
      }
    };
    assertThatThrownBy(() -> MixtureSampler.mixtureOf(notAMixture))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'mixture'")
        .hasMessageContaining("valid: learner em-gmm")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}

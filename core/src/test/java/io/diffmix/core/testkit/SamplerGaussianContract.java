package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import org.junit.jupiter.api.Test;

/**
 * The sampler contract, plus consistency on the simplest target: one Gaussian N(m, I), whose exact score is
 * affine (docs/algorithm.md §5, verification 4). With 1000 steps of a log-SNR grid from t_VE = 400 down to 1e-3,
 * a consistent sampler's points have the law of p_{t1}: in the schedule's coordinates, mean α m and variance
 * α²(1 + t1) per coordinate.
 *
 * <p>Tolerances, at 4000 points: the sample mean's sd is √((1 + t1)/4000) ≈ 0.016 per coordinate, so 5 sd is
 * 0.08·α; the pooled variance's relative sd is √(2/8000) ≈ 1.6%, so 5 sd is 8%, and a first-order step leaves
 * at most about 2% of variance error at this step count, so the variance must be within 10%. A wrong drift or
 * noise coefficient (a factor 2 in g², the wrong sign of the drift) misses by far more.
 */
public abstract class SamplerGaussianContract extends SamplerContract {
  private static final double[] MEAN = {2, -1};
  private static final double T1 = 1e-3;

  private void checkUnder(Schedule schedule) {
    GaussianMixture gm = new GaussianMixture(new double[] {1}, MEAN, 2, 1.0);
    int steps = 1000;
    double[] t = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      t[i] = schedule.timeOfVe(Math.exp(Math.log(400) + (Math.log(T1) - Math.log(400)) * i / steps));
    }
    Sampler sampler = create(exampleConfig());
    Prior prior = Prior.at(schedule, t[0], DataMoments.of(TestTargets.draw(gm, 20_000, 2)));
    int rows = 4000;
    Samples out;
    try (Parallel par = new Parallel(2)) {
      out = SamplingRun.run(sampler, gm, schedule, t, prior, rows, new RandomStreams(13), par).samples();
    }
    double alpha = schedule.alpha(t[steps]);
    double pooled = 0;
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < rows; i++) {
        sum += out.get(i, c);
        sumSq += out.get(i, c) * out.get(i, c);
      }
      double mean = sum / rows;
      assertThat(mean).as("mean, coordinate %d", c).isCloseTo(alpha * MEAN[c], within(0.08 * alpha));
      pooled += (sumSq - sum * mean) / (rows - 1);
    }
    double ratio = pooled / 2 / (alpha * alpha * (1 + T1));
    assertThat(ratio).as("variance over that of p_t1").isCloseTo(1, within(0.10));
  }

  @Test
  void samplesOneGaussianUnderVe() {
    checkUnder(TestSchedules.ve());
  }

  @Test
  void samplesOneGaussianUnderVp() {
    checkUnder(TestSchedules.vp());
  }
}

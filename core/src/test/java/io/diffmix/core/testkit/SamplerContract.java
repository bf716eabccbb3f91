package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import org.junit.jupiter.api.Test;

/**
 * The sampler contract: finite outputs for every step count, the same bits for the same seed, and results
 * that depend on neither the chunk size nor the thread count. Runs on the quickstart mixture with its exact
 * score, under VE and VP.
 */
public abstract class SamplerContract extends PluginContract<SamplerFactory<?>> {
  /** The largest step count checked for finite outputs. */
  protected static final int MAX_STEPS = 64;

  @Override
  protected final Family<SamplerFactory<?>> family() {
    return Family.SAMPLER;
  }

  /** A geometric grid in VE time from 80 down to 1e-3, in the schedule's time, with {@code steps} steps. */
  protected static double[] grid(Schedule schedule, int steps) {
    double[] t = new double[steps + 1];
    double hi = Math.log(80);
    double lo = Math.log(1e-3);
    for (int i = 0; i <= steps; i++) {
      t[i] = schedule.timeOfVe(Math.exp(hi + (lo - hi) * i / steps));
    }
    return t;
  }

  protected Samples run(Schedule schedule, int steps, int rows, long seed, int threads, int chunk) {
    GaussianMixture gm = TestTargets.quickstart();
    Sampler sampler = create(exampleConfig());
    double[] times = grid(schedule, steps);
    Prior prior = Prior.at(schedule, times[0], DataMoments.of(TestTargets.draw(gm, 2000, 1)));
    try (Parallel par = new Parallel(threads)) {
      return SamplingRun.run(sampler, gm, schedule, times, prior, rows, new RandomStreams(seed), par, chunk)
          .samples();
    }
  }

  @Test
  void finiteForEveryStepCount() {
    for (Schedule schedule : new Schedule[] {TestSchedules.ve(), TestSchedules.vp()}) {
      for (int steps = 1; steps <= MAX_STEPS; steps++) {
        Samples s = run(schedule, steps, 16, 3, 1, 16);
        for (double v : s.data()) {
          assertThat(v).as("steps=%d", steps).isFinite();
        }
      }
    }
  }

  @Test
  void sameSeedSameBits() {
    assertThat(run(TestSchedules.ve(), 20, 64, 5, 1, 64)).isEqualTo(run(TestSchedules.ve(), 20, 64, 5, 1, 64));
    assertThat(run(TestSchedules.ve(), 20, 64, 5, 1, 64)).isNotEqualTo(run(TestSchedules.ve(), 20, 64, 6, 1, 64));
  }

  @Test
  void independentOfChunkSizeAndThreads() {
    Samples reference = run(TestSchedules.ve(), 20, 101, 9, 1, 101);
    assertThat(run(TestSchedules.ve(), 20, 101, 9, 2, 7)).isEqualTo(reference);
    assertThat(run(TestSchedules.ve(), 20, 101, 9, 2, 50)).isEqualTo(reference);
  }

  /**
   * False for a sampler that evaluates no score, such as {@code mixture}, which draws from a model's closed-form
   * law: its NFE is 0 and the score-counting check below does not apply.
   */
  protected boolean evaluatesTheScore() {
    return true;
  }

  @Test
  void reportsItsScoreEvaluations() {
    org.junit.jupiter.api.Assumptions.assumeTrue(evaluatesTheScore(), "this sampler evaluates no score");
    GaussianMixture gm = TestTargets.quickstart();
    Sampler sampler = create(exampleConfig());
    Schedule ve = TestSchedules.ve();
    double[] times = grid(ve, 10);
    Prior prior = Prior.at(ve, times[0], DataMoments.of(TestTargets.draw(gm, 500, 1)));
    int[] calls = {0};
    io.diffmix.core.score.ScoreModel counting = new io.diffmix.core.score.ScoreModel() {
      public int dim() {
        return 2;
      }

      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        synchronized (calls) {
          calls[0]++;
        }
        gm.score(tVe, alpha, x, from, to, out);
      }
    };
    int nfe;
    try (Parallel par = Parallel.serial()) {
      nfe = SamplingRun.run(sampler, counting, ve, times, prior, 8, new RandomStreams(1), par, 8).nfe();
    }
    assertThat(nfe).isEqualTo(calls[0]).isPositive();
  }
}

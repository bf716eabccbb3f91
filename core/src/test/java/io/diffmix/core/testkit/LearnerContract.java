package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The learner contract: the same data and seed give the same model bits, for one thread or two, and the
 * model's scores are finite.
 */
public abstract class LearnerContract extends PluginContract<LearnerFactory<?>> {

  @Override
  protected final Family<LearnerFactory<?>> family() {
    return Family.LEARNER;
  }

  /** Training rows for the contract's fits. */
  protected int trainRows() {
    return 4000;
  }

  protected double[] fitAndScore(int threads) {
    GaussianMixture gm = TestTargets.quickstart();
    Samples train = TestTargets.draw(gm, trainRows(), 11);
    Schedule ve = TestSchedules.ve();
    double[] times = {100, 10, 1, 0.1, 0.01};
    Learner learner = create(exampleConfig());
    Learner.FittedModel fitted;
    try (Parallel par = new Parallel(threads)) {
      fitted = learner.fit(new Learner.Input(train, ve, times, new RandomStreams(3), par, Optional.of(gm),
          Learner.Progress.NONE));
    }
    Samples probe = TestTargets.draw(gm, 200, 12);
    double[] out = new double[probe.data().length * times.length];
    double[] s = new double[probe.data().length];
    for (int k = 0; k < times.length; k++) {
      fitted.model().score(times[k] * 1.3, 1.0, probe.data(), 0, probe.rows(), s);
      System.arraycopy(s, 0, out, k * s.length, s.length);
    }
    return out;
  }

  @Test
  void sameBitsForOneThreadOrTwo() {
    double[] one = fitAndScore(1);
    assertThat(fitAndScore(2)).isEqualTo(one);
    for (double v : one) {
      assertThat(v).isFinite();
    }
  }
}

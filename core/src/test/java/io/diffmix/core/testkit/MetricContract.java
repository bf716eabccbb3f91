package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.target.GaussianMixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metric contract: finite values, and the same bits for the same inputs with one thread or two. */
public abstract class MetricContract extends PluginContract<MetricFactory<?>> {

  @Override
  protected final Family<MetricFactory<?>> family() {
    return Family.METRIC;
  }

  protected Metric.Result evaluate(int threads) {
    GaussianMixture gm = TestTargets.quickstart();
    Samples a = TestTargets.draw(gm, 700, 1);
    Samples b = TestTargets.draw(gm, 600, 2);
    Metric m = create(exampleConfig());
    try (Parallel par = new Parallel(threads)) {
      return m.evaluate(new Metric.Input(a, b, Optional.of(gm), Optional.of(gm), TestSchedules.ve(),
          new double[] {10, 1, 0.1}, new RandomStreams(4), par));
    }
  }

  @Test
  void finiteAndTheSameForOneThreadOrTwo() {
    Metric.Result one = evaluate(1);
    assertThat(one.values()).isNotEmpty();
    one.values().values().forEach(v -> assertThat(v).isFinite());
    assertThat(evaluate(2).values()).isEqualTo(one.values());
  }
}

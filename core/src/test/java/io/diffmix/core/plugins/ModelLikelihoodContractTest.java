package io.diffmix.core.plugins;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.MetricContract;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelLikelihoodContractTest extends MetricContract {
  @Override
  protected String name() {
    return "model-likelihood";
  }

  /** The kit's input with the training moments, which this metric's prior needs. */
  @Override
  protected Metric.Result evaluate(int threads) {
    GaussianMixture gm = TestTargets.quickstart();
    Samples a = TestTargets.draw(gm, 700, 1);
    Samples b = TestTargets.draw(gm, 600, 2);
    Metric m = create(exampleConfig());
    try (Parallel par = new Parallel(threads)) {
      return m.evaluate(new Metric.Input(a, b, Optional.of(gm), Optional.of(gm), TestSchedules.ve(),
          new double[] {10, 1, 0.1}, new RandomStreams(4), par, Optional.of(DataMoments.of(a))));
    }
  }

  @Test
  void tolerancesOutOfRangeAreBadInputInOneLine() {
    for (String key : new String[] {"rtol", "atol"}) {
      for (double v : new double[] {0, 1e-13, 0.1, -1}) {
        assertThatThrownBy(() -> resolve(JsonNodeFactory.instance.objectNode().put("type", name()).put(key, v)))
            .isInstanceOf(BadInputException.class)
            .hasMessageContaining(key)
            .hasMessageNotContaining("\n");
      }
    }
  }
}

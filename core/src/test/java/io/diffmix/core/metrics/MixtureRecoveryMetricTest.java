package io.diffmix.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.testkit.TestTargets;
import org.junit.jupiter.api.Test;

class MixtureRecoveryMetricTest {
  @Test
  void pointsOnTheMeansGiveTheirProportionsAndNoMeanError() {
    // 6 points at (0,0), 2 at (5,0), 2 at (0,5): weights (0.6, 0.2, 0.2) against (0.5, 0.3, 0.2)
    double[] d = new double[20];
    for (int i = 6; i < 8; i++) {
      d[2 * i] = 5;
    }
    for (int i = 8; i < 10; i++) {
      d[2 * i + 1] = 5;
    }
    Metric.Result r = MixtureRecoveryMetric.recover(new Samples(d, 10, 2),
        TestTargets.quickstart().mixture().orElseThrow());
    assertThat(r.values().get("weights_tv")).isCloseTo(0.1, within(1e-15));
    assertThat(r.values().get("mean_error")).isEqualTo(0.0);
  }

  @Test
  void aLostComponentHasInfiniteMeanError() {
    Metric.Result r = MixtureRecoveryMetric.recover(new Samples(new double[] {0, 0, 5, 0}, 2, 2),
        TestTargets.quickstart().mixture().orElseThrow());
    assertThat(r.values().get("mean_error")).isInfinite();
  }
}

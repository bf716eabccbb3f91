package io.diffmix.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A metric's fields keep the order given, and a map of no defined order gets its keys' order, in every JVM. */
class MetricResultOrderTest {
  @Test
  void anOrderedMapKeepsItsOrder() {
    Map<String, Double> v = new LinkedHashMap<>();
    v.put("z", 1.0);
    v.put("a", 2.0);
    assertThat(new Metric.Result(v, Map.of()).values().keySet()).containsExactly("z", "a");
  }

  @Test
  void mapOfAndHashMapGetTheirKeysOrder() {
    assertThat(new Metric.Result(Map.of("mean_error", 1.0, "cov_error", 2.0, "b", 3.0), Map.of()).values().keySet())
        .containsExactly("b", "cov_error", "mean_error");
    Map<String, Double> h = new HashMap<>(Map.of("y", 1.0, "x", 2.0));
    assertThat(new Metric.Result(h, Map.of()).values().keySet()).containsExactly("x", "y");
  }
}

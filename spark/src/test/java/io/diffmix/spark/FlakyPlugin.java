package io.diffmix.spark;

import io.diffmix.core.config.Params;
import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test plugin: the metric {@code flaky-once} throws an unexpected exception (not bad input: an internal
 * failure, which fails the Spark task) the first time it runs in a JVM, and counts the generated rows afterwards.
 * Spark's local executors share the test's JVM, so the test sees {@link #THROWN}.
 */
public final class FlakyPlugin implements DiffmixPlugin {
  static final AtomicInteger THROWN = new AtomicInteger();

  @Override
  public Collection<MetricFactory<?>> metrics() {
    return List.of(new Flaky());
  }

  /** {@code flaky-once}. */
  public static final class Flaky implements MetricFactory<Flaky.Config> {
    public record Config() {}

    @Override
    public String name() {
      return "flaky-once";
    }

    @Override
    public String description() {
      return "test only: fails its first evaluation in a JVM, then counts the generated rows";
    }

    @Override
    public Config configure(Params p) {
      return new Config();
    }

    @Override
    public Metric create(Config c) {
      return input -> {
        if (THROWN.compareAndSet(0, 1)) {
          throw new UnsupportedOperationException("flaky-once: an injected task failure");
        }
        return Metric.Result.of("value", input.generated().rows());
      };
    }
  }
}

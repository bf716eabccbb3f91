package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A named factory of the {@code metric} family. */
public interface MetricFactory<C extends Record> extends PluginFactory<C, Metric> {

  /** The factory of a metric without parameters: its name, one sentence for {@code diffmix plugins}, its constructor. */
  static MetricFactory<NoParams> of(String name, String description, Supplier<Metric> constructor) {
    return new Of<>(name, description, List.of(), p -> new NoParams(), c -> constructor.get());
  }

  /** A metric factory given by its parts (see {@link FactoryParts}). */
  record Of<C extends Record>(String name, String description, List<Param> params, Function<Params, C> configure,
      Function<C, Metric> create) implements MetricFactory<C>, FactoryParts<C, Metric> {}
}

package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A named factory of the {@code grid} family. */
public interface GridFactory<C extends Record> extends PluginFactory<C, TimeGrid> {

  /** The factory of a grid without parameters: its name, one sentence for {@code diffmix plugins}, its constructor. */
  static GridFactory<NoParams> of(String name, String description, Supplier<TimeGrid> constructor) {
    return new Of<>(name, description, List.of(), p -> new NoParams(), c -> constructor.get());
  }

  /** A grid factory given by its parts (see {@link FactoryParts}). */
  record Of<C extends Record>(String name, String description, List<Param> params, Function<Params, C> configure,
      Function<C, TimeGrid> create) implements GridFactory<C>, FactoryParts<C, TimeGrid> {}
}

package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A named factory of the {@code target} family. */
public interface TargetFactory<C extends Record> extends PluginFactory<C, Target> {

  /** The factory of a target without parameters: its name, one sentence for {@code diffmix plugins}, its constructor. */
  static TargetFactory<NoParams> of(String name, String description, Supplier<Target> constructor) {
    return new Of<>(name, description, List.of(), p -> new NoParams(), c -> constructor.get());
  }

  /** A target factory given by its parts (see {@link FactoryParts}). */
  record Of<C extends Record>(String name, String description, List<Param> params, Function<Params, C> configure,
      Function<C, Target> create) implements TargetFactory<C>, FactoryParts<C, Target> {}
}

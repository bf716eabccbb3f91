package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A named factory of the {@code sampler} family. */
public interface SamplerFactory<C extends Record> extends PluginFactory<C, Sampler> {

  /** The factory of a sampler without parameters: its name, one sentence for {@code diffmix plugins}, its constructor. */
  static SamplerFactory<NoParams> of(String name, String description, Supplier<Sampler> constructor) {
    return new Of<>(name, description, List.of(), p -> new NoParams(), c -> constructor.get());
  }

  /** A sampler factory given by its parts (see {@link FactoryParts}). */
  record Of<C extends Record>(String name, String description, List<Param> params, Function<Params, C> configure,
      Function<C, Sampler> create) implements SamplerFactory<C>, FactoryParts<C, Sampler> {}
}

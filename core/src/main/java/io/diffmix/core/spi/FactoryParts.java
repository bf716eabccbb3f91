package io.diffmix.core.spi;

import io.diffmix.core.config.Params;
import java.util.function.Function;

/**
 * A factory given by its parts instead of by a class of its own: what each family's {@code Of} record is. The
 * name, description and parameters are the record's components; {@link #configure(Params)} and
 * {@link #create(Record)} apply its two functions:
 *
 * <pre>{@code
 * new SamplerFactory.Of<>("ddim", "DDIM (Song et al. 2021)",
 *     List.of(Param.real("eta", 0, "stochasticity").atLeast(0).atMost(1)),
 *     p -> new Config(p.real("eta")), c -> new DdimSampler(c.eta()));
 * }</pre>
 *
 * @param <C> the config record
 * @param <T> the component
 */
public interface FactoryParts<C extends Record, T> extends PluginFactory<C, T> {

  /** Builds the config record from validated params, as {@link PluginFactory#configure(Params)} does. */
  Function<Params, C> configure();

  /** Builds the component from its config, as {@link PluginFactory#create(Record)} does. */
  Function<C, T> create();

  @Override
  default C configure(Params params) {
    return configure().apply(params);
  }

  @Override
  default T create(C config) {
    return create().apply(config);
  }
}

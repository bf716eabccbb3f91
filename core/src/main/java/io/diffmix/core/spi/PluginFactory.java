package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;

/**
 * A named factory: the unit of every plugin family.
 *
 * <p>It declares its parameters, builds an immutable config record from validated {@link Params}, and
 * creates its component from that record. A plugin without parameters needs none of that: its family's
 * shorthand gives the factory from a name, a description and a constructor,
 *
 * <pre>{@code
 * SamplerFactory<NoParams> paperVe = SamplerFactory.of("paper-ve", "Algorithm 1's step", PaperVeSampler::new);
 * }</pre>
 *
 * and a plugin with parameters can be given by its parts, without a class of its own ({@link FactoryParts}).
 *
 * @param <C> the config record
 * @param <T> the component
 */
public interface PluginFactory<C extends Record, T> {

  /** Lower-case letters, digits, hyphens and {@code +}, such as {@code dpm-solver++2m}. */
  String name();

  /** One sentence for {@code diffmix plugins}. */
  String description();

  /** Every parameter, with its default and description. */
  default List<Param> params() {
    return List.of();
  }

  /**
   * Builds the config record from validated params. Checks that span several parameters belong here, and
   * fail with {@code params.error(key, problem)}.
   */
  C configure(Params params);

  T create(C config);
}

package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;

/**
 * A named factory: the unit of every plugin family.
 *
 * <p>It declares its parameters, builds an immutable config record from validated {@link Params}, and
 * creates its component from that record:
 *
 * <pre>{@code
 * public final class PaperVeFactory implements SamplerFactory<PaperVeFactory.Config> {
 *   public record Config() {}
 *   public String name() { return "paper-ve"; }
 *   public String description() { return "Algorithm 1's step, with the (t+1) correction"; }
 *   public Config configure(Params p) { return new Config(); }
 *   public Sampler create(Config c) { return new PaperVeSampler(); }
 * }
 * }</pre>
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

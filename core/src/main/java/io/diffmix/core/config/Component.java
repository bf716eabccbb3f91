package io.diffmix.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.registry.LoadedPlugin;
import io.diffmix.core.spi.PluginFactory;

/**
 * A configured plugin instance with its resolved parameters and origin.
 *
 * @param family the family name ("sampler")
 * @param params the validated parameters, defaults filled in
 * @param config the factory's immutable config record
 * @param instance the created component
 * @param origin the plugin jar it came from
 * @param <T> the component type
 */
public record Component<T>(String family, Params params, Record config, T instance, LoadedPlugin origin) {

  public String name() {
    return params.type();
  }

  /** The resolved JSON: {@code type} first, then every parameter. */
  public ObjectNode json() {
    return params.toJson();
  }

  /** Configures and creates a component from validated params. */
  public static <C extends Record, T> Component<T> create(
      String family, PluginFactory<C, T> factory, Params params, LoadedPlugin origin) {
    C config = factory.configure(params);
    return new Component<>(family, params, config, factory.create(config), origin);
  }
}

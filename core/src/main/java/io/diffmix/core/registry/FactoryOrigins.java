package io.diffmix.core.registry;

import io.diffmix.core.spi.PluginFactory;
import java.util.IdentityHashMap;
import java.util.Map;

/** Which loaded plugin each bound factory instance came from. */
final class FactoryOrigins {
  private final Map<PluginFactory<?, ?>, LoadedPlugin> byFactory;

  FactoryOrigins(Map<PluginFactory<?, ?>, LoadedPlugin> byFactory) {
    this.byFactory = new IdentityHashMap<>(byFactory);
  }

  LoadedPlugin of(PluginFactory<?, ?> factory) {
    return byFactory.get(factory);
  }
}

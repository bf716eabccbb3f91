package io.diffmix.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.spi.PluginFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guice wiring of the plugin families: one {@code MapBinder<String, Factory>} per family.
 *
 * <p>Duplicate names are found before binding, so the error names both jars; Guice's own duplicate check is
 * the second line of defence. {@code configure()} does no I/O: the plugins are loaded beforehand.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new RegistryModule(PluginLoader.load(dirs, System.err::println)));
 * Registry registry = injector.getInstance(Registry.class);
 * }</pre>
 */
public final class RegistryModule extends AbstractModule {
  private final List<LoadedPlugin> plugins;
  /** Each plugin's factories, asked for once, so that every lookup sees the same instances. */
  private final Map<Family<?>, Map<PluginFactory<?, ?>, LoadedPlugin>> contributions = new LinkedHashMap<>();

  public RegistryModule(List<LoadedPlugin> plugins) {
    this.plugins = List.copyOf(plugins);
    for (Family<?> family : Family.ALL) {
      List<Map.Entry<PluginFactory<?, ?>, LoadedPlugin>> listed = new ArrayList<>();
      for (LoadedPlugin p : this.plugins) {
        for (PluginFactory<?, ?> f : family.of(p.plugin())) {
          listed.add(Map.entry(f, p));
        }
      }
      // every listing counts, even of one shared instance (a plugin may list a built-in's FACTORY constant)
      checkDuplicates(family, listed);
      Map<PluginFactory<?, ?>, LoadedPlugin> inOrder = new LinkedHashMap<>();
      listed.forEach(e -> inOrder.put(e.getKey(), e.getValue()));
      contributions.put(family, inOrder);
    }
  }

  private static void checkDuplicates(Family<?> family, List<Map.Entry<PluginFactory<?, ?>, LoadedPlugin>> listed) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<PluginFactory<?, ?>, LoadedPlugin> e : listed) {
      LoadedPlugin p = e.getValue();
      String name = e.getKey().name();
      if (!Registry.isValidName(name)) {
        throw new BadInputException(family + " name '" + name + "' from " + p.source()
            + " is not valid: use lower-case letters, digits, '-' and '+'");
      }
      String before = seen.putIfAbsent(name, p.source());
      if (before != null) {
        throw new BadInputException("duplicate " + family + " '" + name + "': provided by both " + before
            + " and " + p.source() + "; remove one of the jars");
      }
    }
  }

  @Override
  protected void configure() {
    bind(new TypeLiteral<List<LoadedPlugin>>() {}).toInstance(plugins);
    Map<PluginFactory<?, ?>, LoadedPlugin> origins = new java.util.IdentityHashMap<>();
    contributions.values().forEach(origins::putAll);
    bind(FactoryOrigins.class).toInstance(new FactoryOrigins(origins));
    for (Family<?> family : Family.ALL) {
      bindFamily(family);
    }
  }

  private <F extends PluginFactory<?, ?>> void bindFamily(Family<F> family) {
    MapBinder<String, F> binder = MapBinder.newMapBinder(binder(), String.class, family.factoryType());
    for (PluginFactory<?, ?> f : contributions.get(family).keySet()) {
      binder.addBinding(f.name()).toInstance(family.factoryType().cast(f));
    }
  }
}

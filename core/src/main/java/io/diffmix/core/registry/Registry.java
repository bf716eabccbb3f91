package io.diffmix.core.registry;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.spi.PluginFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Named lookup of every plugin factory, by family: the only way {@code cli} and {@code bench} reach plugins.
 *
 * <pre>{@code
 * Registry registry = Registry.load(List.of(Path.of("plugins")), System.err::println);
 * SamplerFactory<?> heun = registry.forName(Family.SAMPLER, "pf-heun");
 * registry.availableNames(Family.SAMPLER);   // [euler-maruyama, paper-ve, pf-heun, ...]
 * }</pre>
 */
public final class Registry {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+\\-]*");

  private final Map<Family<?>, Map<String, ? extends PluginFactory<?, ?>>> byFamily = new HashMap<>();
  private final FactoryOrigins origins;
  private final List<LoadedPlugin> plugins;

  @Inject
  Registry(Injector injector, List<LoadedPlugin> plugins, FactoryOrigins origins) {
    this.plugins = plugins;
    this.origins = origins;
    for (Family<?> family : Family.ALL) {
      byFamily.put(family, new TreeMap<>(mapOf(injector, family)));
    }
  }

  @SuppressWarnings("unchecked")
  private static <F extends PluginFactory<?, ?>> Map<String, F> mapOf(Injector injector, Family<F> family) {
    Key<Map<String, F>> key =
        (Key<Map<String, F>>) Key.get(TypeLiteral.get(Types.mapOf(String.class, family.factoryType())));
    return injector.getInstance(key);
  }

  /** The registry of the classpath's plugins and those in {@code pluginDirs}. */
  public static Registry load(List<Path> pluginDirs, Consumer<String> warn) {
    return of(PluginLoader.load(pluginDirs, warn));
  }

  /** The registry of the given plugins, wired by Guice. */
  public static Registry of(List<LoadedPlugin> plugins) {
    try {
      return Guice.createInjector(new RegistryModule(plugins)).getInstance(Registry.class);
    } catch (CreationException e) {
      throw new BadInputException("plugin wiring failed: " + e.getErrorMessages().iterator().next().getMessage());
    }
  }

  /** Whether a plugin name is valid: lower-case letters, digits, hyphens and {@code +}. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * The factory called {@code name}.
   *
   * @throws BadInputException naming the available ones when there is none
   */
  @SuppressWarnings("unchecked")
  public <F extends PluginFactory<?, ?>> F forName(Family<F> family, String name) {
    PluginFactory<?, ?> f = byFamily.get(family).get(name);
    if (f == null) {
      throw new BadInputException("unknown " + family + " '" + name + "'; available: "
          + String.join(", ", availableNames(family))
          + " (a plugin from elsewhere needs its jar in plugins/ or --plugins DIR)");
    }
    return (F) f;
  }

  /** Every name of a family, sorted. */
  public SortedSet<String> availableNames(Family<?> family) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byFamily.get(family).keySet()));
  }

  /** Every factory of a family, by name. */
  @SuppressWarnings("unchecked")
  public <F extends PluginFactory<?, ?>> Map<String, F> factories(Family<F> family) {
    return Collections.unmodifiableMap((Map<String, F>) byFamily.get(family));
  }

  /** The plugin a factory came from. */
  public LoadedPlugin originOf(PluginFactory<?, ?> factory) {
    return origins.of(factory);
  }

  public List<LoadedPlugin> plugins() {
    return plugins;
  }
}

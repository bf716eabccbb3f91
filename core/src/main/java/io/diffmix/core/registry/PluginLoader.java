package io.diffmix.core.registry;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.spi.DiffmixPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds plugins with {@link ServiceLoader}: on the classpath, and in every jar of the given plugin folders,
 * through one child class loader.
 *
 * <p>A broken provider (a bad services entry, a missing class, a constructor that throws) is reported through
 * {@code warn} as one line naming its jar, and the other plugins still load.
 */
public final class PluginLoader {
  private PluginLoader() {}

  /** Loads the plugins visible to this class's loader plus those in {@code pluginDirs}. */
  public static List<LoadedPlugin> load(List<Path> pluginDirs, Consumer<String> warn) {
    List<URL> jars = new ArrayList<>();
    for (Path dir : pluginDirs) {
      if (!Files.isDirectory(dir)) {
        throw new BadInputException("--plugins " + dir + ": not a directory");
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path jar : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
          jars.add(jar.toUri().toURL());
        }
      } catch (IOException e) {
        throw new BadInputException("--plugins " + dir + ": cannot list: " + e.getMessage(), e);
      }
    }
    ClassLoader parent = PluginLoader.class.getClassLoader();
    ClassLoader loader = jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    return load(loader, warn);
  }

  /** Loads every plugin that {@code loader} sees. */
  public static List<LoadedPlugin> load(ClassLoader loader, Consumer<String> warn) {
    List<LoadedPlugin> out = new ArrayList<>();
    Iterator<ServiceLoader.Provider<DiffmixPlugin>> it =
        ServiceLoader.load(DiffmixPlugin.class, loader).stream().iterator();
    while (true) {
      ServiceLoader.Provider<DiffmixPlugin> provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        warn.accept("plugin skipped: " + oneLine(e));
        continue;
      }
      String source = "unknown";
      try {
        source = sourceOf(provider.type());
        DiffmixPlugin plugin = provider.get();
        out.add(new LoadedPlugin(plugin, source, versionOf(provider.type())));
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        warn.accept("plugin skipped from " + source + ": " + oneLine(e));
      }
    }
    return out;
  }

  /** The jar file name, or the class directory, that a class was loaded from. */
  public static String sourceOf(Class<?> type) {
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return "runtime";
    }
    try {
      Path p = Path.of(cs.getLocation().toURI());
      return Files.isDirectory(p) ? p.toString() : p.getFileName().toString();
    } catch (Exception e) {
      return cs.getLocation().toString();
    }
  }

  private static String versionOf(Class<?> type) {
    Package pkg = type.getPackage();
    String v = pkg == null ? null : pkg.getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static String oneLine(Throwable e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
      b.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
    }
    return b.toString().replace('\n', ' ');
  }

  static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

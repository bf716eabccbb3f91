package io.diffmix.core.registry;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.PluginFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds plugins with {@link ServiceLoader}: on the classpath (the built-ins), and in every jar of the given
 * plugin folders.
 *
 * <pre>{@code
 * List<LoadedPlugin> plugins = PluginLoader.load(List.of(Path.of("plugins")), System.err::println);
 * }</pre>
 *
 * <p>All jars of the folders share one child class loader, so that a plugin may keep its dependencies in jars
 * of their own beside it. Each jar's {@code META-INF/services} file is read on its own, though, so that every
 * plugin is known by its jar: {@link LoadedPlugin#source()} is the jar's path, or {@link #BUILT_IN}.
 *
 * <p>A broken provider is reported through {@code warn} as one line naming its jar and the cause, and the other
 * plugins still load: a services entry whose class is not there, a class whose dependency is missing
 * ({@link NoClassDefFoundError}), a constructor that throws, or a plugin whose factories cannot be listed.
 */
public final class PluginLoader {
  /** The source of the plugins found on the class path. */
  public static final String BUILT_IN = "built-in";

  private static final String SERVICES = "META-INF/services/" + DiffmixPlugin.class.getName();
  private static final Pattern NOT_FOUND = Pattern.compile("Provider (\\S+) not found");
  private static final Pattern NOT_INSTANTIATED = Pattern.compile("Provider (\\S+) could not be instantiated");

  private PluginLoader() {}

  /** Loads the plugins visible to this class's loader plus those in the jars of {@code pluginDirs}. */
  public static List<LoadedPlugin> load(List<Path> pluginDirs, Consumer<String> warn) {
    ClassLoader parent = PluginLoader.class.getClassLoader();
    List<LoadedPlugin> out = new ArrayList<>(load(parent, warn));
    List<Path> jars = readableJars(jarsIn(pluginDirs), warn);
    if (jars.isEmpty()) {
      return out;
    }
    ClassLoader shared = new URLClassLoader(jars.stream().map(PluginLoader::url).toArray(URL[]::new), parent);
    for (Path jar : jars) {
      out.addAll(load(new OneJarServices(shared, jar), jar.toString(), warn));
    }
    return out;
  }

  /** Loads every plugin that {@code loader} sees, as built-ins. */
  public static List<LoadedPlugin> load(ClassLoader loader, Consumer<String> warn) {
    return load(loader, BUILT_IN, warn);
  }

  private static List<LoadedPlugin> load(ClassLoader loader, String source, Consumer<String> warn) {
    String where = BUILT_IN.equals(source) ? "class path" : "plugin jar " + source;
    List<LoadedPlugin> out = new ArrayList<>();
    Iterator<ServiceLoader.Provider<DiffmixPlugin>> it =
        ServiceLoader.load(DiffmixPlugin.class, loader).stream().iterator();
    // ServiceLoader's iterator moves past a failed entry, so the loop goes on; the bound guards against an
    // iterator that would fail on the same entry for ever.
    for (int failures = 0; failures < 1000; ) {
      ServiceLoader.Provider<DiffmixPlugin> provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        failures++;
        warn.accept(where + ": plugin skipped: " + cause(e));
        continue;
      }
      String className = provider.type().getName();
      try {
        DiffmixPlugin plugin = provider.get();
        probe(plugin);
        out.add(new LoadedPlugin(plugin, source, versionOf(provider.type())));
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        failures++;
        warn.accept(where + ": plugin " + className + " skipped: " + cause(e));
      }
    }
    return out;
  }

  /**
   * Asks a plugin for every family's factories and their names once, so that a plugin whose factories need a
   * missing class fails here, with its jar named, rather than while the registry is wired.
   */
  private static void probe(DiffmixPlugin plugin) {
    for (Family<?> family : Family.ALL) {
      for (PluginFactory<?, ?> f : family.of(plugin)) {
        if (f == null) {
          throw new IllegalStateException("its " + family + "s() lists a null factory");
        }
        f.name();
      }
    }
  }

  /** The jars of the folders, each once, sorted by name within a folder. */
  private static List<Path> jarsIn(List<Path> pluginDirs) {
    Set<Path> seenDirs = new LinkedHashSet<>();
    Set<Path> jars = new LinkedHashSet<>();
    for (Path dir : pluginDirs) {
      if (!Files.isDirectory(dir)) {
        throw new BadInputException("--plugins " + dir + ": not a directory");
      }
      try {
        if (!seenDirs.add(dir.toRealPath())) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
              .sorted()
              .forEach(p -> jars.add(p.toAbsolutePath().normalize()));
        }
      } catch (IOException e) {
        throw new BadInputException("--plugins " + dir + ": cannot list: " + e.getMessage(), e);
      }
    }
    return List.copyOf(jars);
  }

  private static List<Path> readableJars(List<Path> jars, Consumer<String> warn) {
    List<Path> ok = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile ignored = new JarFile(jar.toFile())) {
        ok.add(jar);
      } catch (IOException | SecurityException e) {
        warn.accept("plugin jar " + jar + ": skipped: not a readable jar (" + e.getMessage() + ")");
      }
    }
    return ok;
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

  /** One line saying what went wrong, in the plugin author's terms. */
  static String cause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException) {
        String name = String.valueOf(c.getMessage()).replace('/', '.');
        return "missing class " + name + " (" + c.getClass().getSimpleName() + "); put the jar that has it in the "
            + "same plugins folder";
      }
    }
    String msg = String.valueOf(e.getMessage());
    if (e instanceof ServiceConfigurationError) {
      Matcher nf = NOT_FOUND.matcher(msg);
      if (nf.find()) {
        return SERVICES + " names " + nf.group(1) + ", which is not in the jar (ClassNotFoundException)";
      }
      Matcher ni = NOT_INSTANTIATED.matcher(msg);
      if (ni.find() && e.getCause() != null) {
        return "its constructor threw " + describe(e.getCause());
      }
      return (msg.startsWith(DiffmixPlugin.class.getName() + ": ")
          ? msg.substring(DiffmixPlugin.class.getName().length() + 2) : msg).replace('\n', ' ')
          + (e.getCause() != null ? ": " + describe(e.getCause()) : "");
    }
    return describe(e);
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return (t.getClass().getSimpleName() + (m == null ? "" : ": " + m)).replace('\n', ' ');
  }

  static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * A view of the shared plugin loader in which the services file is the one of a single jar: ServiceLoader
   * then lists exactly that jar's providers, and their classes still resolve through the shared loader.
   */
  private static final class OneJarServices extends ClassLoader {
    private final URL services;

    OneJarServices(ClassLoader shared, Path jar) {
      super(shared);
      URL u;
      try {
        u = new URL("jar:" + jar.toUri() + "!/" + SERVICES);
        try (JarFile jf = new JarFile(jar.toFile())) {
          u = jf.getEntry(SERVICES) == null ? null : u;
        }
      } catch (IOException e) {
        u = null;
      }
      this.services = u;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (SERVICES.equals(name)) {
        return services == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(services));
      }
      return super.getResources(name);
    }
  }
}

package io.diffmix.core.testkit;

import io.diffmix.core.spi.DiffmixPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars at test time: compiles Java sources with {@code javax.tools} against the test class path
 * and packs the classes, the services file and any resources into a jar, the way a plugin author's build
 * would. No network, no Maven.
 *
 * <pre>{@code
 * Path jar = new PluginJars()
 *     .source("org.example.MyPlugin", "package org.example; public final class MyPlugin implements ...")
 *     .service("org.example.MyPlugin")
 *     .build(tempDir.resolve("my-plugin.jar"));
 * }</pre>
 */
public final class PluginJars {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<Path> sourceFiles = new ArrayList<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();
  private final List<String> services = new ArrayList<>();
  private final Set<String> omitted = new LinkedHashSet<>();

  /**
   * The source of a minimal plugin, {@code pkg.pluginClass}, that contributes one sampler called
   * {@code samplerName} which leaves its points where they are; {@code constructorBody} is the plugin
   * constructor's code, for plugins that fail there.
   */
  public static String samplerPlugin(String pkg, String pluginClass, String samplerName, String constructorBody) {
    return """
        package %1$s;

        import io.diffmix.core.config.Params;
        import io.diffmix.core.spi.*;
        import java.util.*;

        public final class %2$s implements DiffmixPlugin {
          public %2$s() { %4$s }

          public record Config() {}

          @Override
          public Collection<SamplerFactory<?>> samplers() {
            return List.of(new SamplerFactory<Config>() {
              public String name() { return "%3$s"; }
              public String description() { return "stands still"; }
              public Config configure(Params p) { return new Config(); }
              public Sampler create(Config c) { return (score, schedule, times, chunk) -> 0; }
            });
          }
        }
        """.formatted(pkg, pluginClass, samplerName, constructorBody);
  }

  /** Adds a compilation unit: its top-level class's binary name and its text. */
  public PluginJars source(String className, String text) {
    sources.put(className, text);
    return this;
  }

  /** Adds every {@code .java} file under a source root, such as an example project's {@code src/main/java}. */
  public PluginJars sourceTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sourceFiles::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Adds every file under a resource root, such as {@code src/main/resources}, at its relative path. */
  public PluginJars resourceTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        resources.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Adds a line to {@code META-INF/services/io.diffmix.core.spi.DiffmixPlugin}. */
  public PluginJars service(String line) {
    services.add(line);
    return this;
  }

  /** Leaves the compiled classes of a package or class name prefix out of the jar: a missing dependency. */
  public PluginJars omit(String classNamePrefix) {
    omitted.add(classNamePrefix);
    return this;
  }

  /** Compiles, packs and returns {@code jar}. */
  public Path build(Path jar) {
    try {
      Path classes = Files.createTempDirectory("plugin-classes");
      compile(classes);
      Files.createDirectories(jar.toAbsolutePath().getParent());
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
          Stream<Path> walk = Files.walk(classes)) {
        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
          String entry = classes.relativize(p).toString().replace('\\', '/');
          String className = entry.replace('/', '.').replaceAll("\\.class$", "");
          if (omitted.stream().anyMatch(className::startsWith)) {
            continue;
          }
          put(out, entry, Files.readAllBytes(p));
        }
        Map<String, byte[]> all = new LinkedHashMap<>(resources);
        if (!services.isEmpty()) {
          String servicesFile = "META-INF/services/" + DiffmixPlugin.class.getName();
          byte[] before = all.getOrDefault(servicesFile, new byte[0]);
          String text = new String(before, StandardCharsets.UTF_8) + String.join("\n", services) + "\n";
          all.put(servicesFile, text.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> e : all.entrySet()) {
          put(out, e.getKey(), e.getValue());
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  private void compile(Path classes) throws IOException {
    if (sources.isEmpty() && sourceFiles.isEmpty()) {
      return;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach((name, text) -> units.add(new StringSource(name, text)));
      files.getJavaFileObjectsFromPaths(sourceFiles).forEach(units::add);
      StringWriter diagnostics = new StringWriter();
      List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(),
          "-classpath", classPath());
      boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
      if (!ok) {
        throw new IllegalStateException("compiling the plugin failed:\n" + diagnostics);
      }
    }
  }

  /** The test class path, plus where core's own classes are, in case the runner hides them from it. */
  private static String classPath() {
    Set<String> parts = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(
        java.io.File.pathSeparator)));
    for (Class<?> c : new Class<?>[] {DiffmixPlugin.class, com.fasterxml.jackson.databind.JsonNode.class}) {
      try {
        parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (Exception e) {
        // the class path above is then all there is
      }
    }
    return String.join(java.io.File.pathSeparator, parts);
  }

  private static final class StringSource extends SimpleJavaFileObject {
    private final String text;

    StringSource(String className, String text) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

package io.diffmix.cli;

import io.diffmix.core.registry.Registry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes: {@code --plugins DIR} and {@code --quiet}. */
public final class CommonOptions {
  @Option(names = "--plugins", paramLabel = "DIR", description = "Also load every plugin jar in DIR.")
  Path plugins;

  @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
  boolean quiet;

  /**
   * The registry of the classpath's plugins, those in {@code <home>/plugins}, those in {@code --plugins} and
   * those in {@code extra} (a config's {@code "plugins"} key).
   */
  Registry registry(PrintWriter err, Path extra) {
    return Registry.load(pluginDirs(extra), msg -> err.println("diffmix: warning: " + msg));
  }

  /** The plugin folders {@link #registry} loads from, in order. */
  List<Path> pluginDirs(Path extra) {
    List<Path> dirs = new ArrayList<>();
    String home = System.getProperty("diffmix.home");
    if (home != null && Files.isDirectory(Path.of(home, "plugins"))) {
      dirs.add(Path.of(home, "plugins"));
    }
    if (plugins != null) {
      dirs.add(plugins);
    }
    if (extra != null && !dirs.contains(extra)) {
      dirs.add(extra);
    }
    return dirs;
  }
}

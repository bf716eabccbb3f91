package io.diffmix.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.registry.Registry;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code diffmix bench}: runs every benchmark for every registered plugin (built-ins, {@code <home>/plugins} and
 * {@code --plugins DIR}), and writes JMH's JSON ({@code bench.json}) and a Markdown summary ({@code bench.md}).
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.diffmix.bench.BenchMain [--include REGEX] [--quick] [--out DIR]
 *       [--plugins DIR]... [--list] [--quiet]
 * </pre>
 *
 * <p>{@code --include} is found (not fully matched) in each pair's label, {@code SamplerBench.step:pf-heun}, so it
 * selects benchmarks, plugins or both. {@code --list} prints the labels and runs nothing. Plugin names with
 * {@code +} need escaping there: {@code 'dpm-solver\+\+2m'}.
 *
 * <p>Each benchmark method is one JMH run, whose {@code @Param} takes the selected plugin names; the forked JVMs
 * get the plugin folders through {@value Fixture#PLUGINS_PROPERTY} and build the registry themselves.
 *
 * <p>Exit codes: 0 on success; 2 on bad input, with one line; 1 when a benchmark failed (its error is in JMH's
 * output above, and the summary lists it as failed).
 */
public final class BenchMain {
  static final String JSON_FILE = "bench.json";
  static final String SUMMARY_FILE = "bench.md";

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The parsed command line. */
  record Options(Pattern include, boolean quick, Path out, List<Path> pluginDirs, boolean list, boolean quiet) {
    static Options parse(String[] args) {
      String include = "";
      boolean quick = false;
      boolean list = false;
      boolean quiet = false;
      Path out = Path.of("runs", "bench");
      List<Path> dirs = new ArrayList<>();
      String home = System.getProperty("diffmix.home");
      if (home != null && Files.isDirectory(Path.of(home, "plugins"))) {
        dirs.add(Path.of(home, "plugins").toAbsolutePath().normalize());
      }
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick" -> quick = true;
          case "--list" -> list = true;
          case "--quiet" -> quiet = true;
          case "--include" -> include = value(args, ++i, a);
          case "--out" -> out = Path.of(value(args, ++i, a));
          case "--plugins" -> {
            Path dir = Path.of(value(args, ++i, a));
            if (!Files.isDirectory(dir)) {
              throw new BadInputException("--plugins " + dir + ": not a directory");
            }
            dirs.add(dir.toAbsolutePath().normalize());
          }
          default -> throw new BadInputException("unknown option '" + a + "'; valid: --include REGEX, --quick, "
              + "--out DIR, --plugins DIR, --list, --quiet");
        }
      }
      Pattern p;
      try {
        p = Pattern.compile(include);
      } catch (PatternSyntaxException e) {
        throw new BadInputException("--include " + include + ": not a regular expression: "
            + e.getDescription() + " (quote '+' as '\\+')");
      }
      return new Options(p, quick, out, List.copyOf(new java.util.LinkedHashSet<>(dirs)), list, quiet);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new BadInputException(option + ": missing value");
      }
      return args[i];
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Options o = Options.parse(args);
      Registry registry = Registry.load(o.pluginDirs(), msg -> err.println("diffmix bench: warning: " + msg));
      List<Benchmarks.Pair> pairs = Benchmarks.pairs(registry, o.include());
      if (pairs.isEmpty()) {
        throw new BadInputException("--include " + o.include() + " matches no benchmark and plugin; "
            + "see the labels with --list" + (o.include().pattern().contains("+") ? "; a '+' in a plugin name "
            + "is quoted as '\\+'" : ""));
      }
      if (o.list()) {
        for (Benchmarks.Pair p : pairs) {
          out.println(p.label() + p.problem().map(m -> "  (skipped: " + m + ")").orElse(""));
        }
        return 0;
      }
      return runAll(o, pairs, out, err);
    } catch (BadInputException e) {
      err.println("diffmix bench: " + e.getMessage());
      return 2;
    } catch (IOException | RunnerException e) {
      err.println("diffmix bench: internal error: " + e);
      return 1;
    }
  }

  private static int runAll(Options o, List<Benchmarks.Pair> pairs, PrintStream out, PrintStream err)
      throws IOException, RunnerException {
    Map<Benchmarks.Bench, List<String>> byBench = new LinkedHashMap<>();
    for (Benchmarks.Pair p : pairs) {
      if (p.problem().isEmpty()) {
        byBench.computeIfAbsent(p.bench(), b -> new ArrayList<>()).add(p.plugin());
      } else {
        err.println("diffmix bench: skipping " + p.label() + ": " + p.problem().get());
      }
    }
    String dirs = o.pluginDirs().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    long t0 = System.nanoTime();
    Path scratch = Files.createTempDirectory("diffmix-bench");
    try {
      for (Map.Entry<Benchmarks.Bench, List<String>> e : byBench.entrySet()) {
        Benchmarks.Bench b = e.getKey();
        Path json = scratch.resolve(b.shortName() + ".json");
        ChainedOptionsBuilder jmh = new OptionsBuilder()
            .include("^" + Pattern.quote(b.jmhName()) + "$")
            .param(b.param(), e.getValue().toArray(String[]::new))
            .jvmArgsAppend("-D" + Fixture.PLUGINS_PROPERTY + "=" + dirs)
            .shouldFailOnError(false)
            .verbosity(o.quiet() ? VerboseMode.SILENT : VerboseMode.NORMAL)
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString());
        if (o.quick()) {
          jmh.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
              .measurementIterations(1).measurementTime(TimeValue.milliseconds(300));
        } else {
          jmh.forks(2).warmupIterations(3).warmupTime(TimeValue.seconds(1))
              .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        new Runner(jmh.build()).run();
        if (Files.exists(json)) {
          Json.read(json).forEach(results::add);
        }
      }
    } finally {
      try (var files = Files.list(scratch)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(scratch);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    BenchSummary summary = BenchSummary.of(results, pairs, o.quick(), o.pluginDirs(), seconds);
    try (AtomicOutput w = new AtomicOutput(o.out())) {
      Files.writeString(w.stage(JSON_FILE), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results),
          StandardCharsets.UTF_8);
      Files.writeString(w.stage(SUMMARY_FILE), summary.markdown(), StandardCharsets.UTF_8);
      w.commit();
    }
    out.println(summary.table());
    out.printf("diffmix bench: %d results in %.0f s; wrote %s and %s%n", summary.resultCount(), seconds,
        o.out().resolve(JSON_FILE), SUMMARY_FILE);
    if (!summary.failed().isEmpty()) {
      err.println("diffmix bench: failed: " + String.join(", ", summary.failed()) + " (see JMH's output above)");
      return 1;
    }
    return 0;
  }

  /** JMH's JSON result rows, for tests. */
  static JsonNode read(Path dir) {
    return Json.read(dir.resolve(JSON_FILE));
  }
}

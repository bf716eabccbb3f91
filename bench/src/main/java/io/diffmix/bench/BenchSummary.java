package io.diffmix.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Markdown summary of a bench run: one row per benchmark, plugin and result (JMH's primary result, and
 * secondary ones such as {@code scoreEvals}), with JMH's error (the 99.9% half-width; "n/a" with one iteration),
 * then what was skipped or failed.
 */
final class BenchSummary {
  record Row(String benchmark, String plugin, double score, double error, String unit) {}

  private final List<Row> rows;
  private final List<String> skipped;
  private final List<String> failed;
  private final boolean quick;
  private final List<Path> pluginDirs;
  private final double seconds;

  private BenchSummary(List<Row> rows, List<String> skipped, List<String> failed, boolean quick, List<Path> dirs,
      double seconds) {
    this.rows = rows;
    this.skipped = skipped;
    this.failed = failed;
    this.quick = quick;
    this.pluginDirs = dirs;
    this.seconds = seconds;
  }

  static BenchSummary of(JsonNode results, List<Benchmarks.Pair> pairs, boolean quick, List<Path> dirs,
      double seconds) {
    List<Row> rows = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (JsonNode r : results) {
      String fq = r.path("benchmark").asText();
      String[] parts = fq.split("\\.");
      String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : fq;
      String bench = shortName;
      // the plugin (or kernel) is the parameter its Bench names; any other parameter, such as the Gram's p,
      // goes beside the benchmark's name
      String param = pairs.stream().filter(q -> q.bench().shortName().equals(shortName)).map(q -> q.bench().param())
          .findFirst().orElse("");
      String plugin = "";
      StringBuilder others = new StringBuilder();
      var params = r.path("params").fields();
      while (params.hasNext()) {
        var e = params.next();
        if (e.getKey().equals(param) || plugin.isEmpty() && param.isEmpty()) {
          plugin = e.getValue().asText();
        } else {
          others.append(others.length() == 0 ? " (" : ", ").append(e.getKey()).append(" = ")
              .append(e.getValue().asText());
        }
      }
      done.add(bench + ":" + plugin);
      if (others.length() > 0) {
        bench = bench + others.append(')');
      }
      JsonNode pm = r.path("primaryMetric");
      rows.add(new Row(bench, plugin, number(pm.path("score")), number(pm.path("scoreError")),
          pm.path("scoreUnit").asText()));
      var secondary = r.path("secondaryMetrics").fields();
      while (secondary.hasNext()) {
        var s = secondary.next();
        rows.add(new Row(bench + " · " + s.getKey(), plugin, number(s.getValue().path("score")),
            number(s.getValue().path("scoreError")), s.getValue().path("scoreUnit").asText()));
      }
    }
    List<String> skipped = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Benchmarks.Pair p : pairs) {
      if (p.problem().isPresent()) {
        skipped.add(p.label() + ": " + p.problem().get());
      } else if (!done.contains(p.label())) {
        failed.add(p.label());
      }
    }
    return new BenchSummary(rows, skipped, failed, quick, dirs, seconds);
  }

  /** JMH writes NaN as the string "NaN". */
  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  int resultCount() {
    return (int) rows.stream().filter(r -> !r.benchmark().contains(" · ")).count();
  }

  List<String> failed() {
    return failed;
  }

  String table() {
    StringBuilder b = new StringBuilder();
    b.append("| benchmark | plugin | score | error | unit |\n| --- | --- | ---: | ---: | --- |\n");
    for (Row r : rows) {
      b.append("| ").append(r.benchmark()).append(" | `").append(r.plugin()).append("` | ").append(fmt(r.score()))
          .append(" | ").append(Double.isNaN(r.error()) ? "n/a" : "± " + fmt(r.error())).append(" | ")
          .append(r.unit()).append(" |\n");
    }
    return b.toString();
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# diffmix bench\n\n");
    b.append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", ")
        .append(quick ? "--quick (1 fork, 1 warmup iteration of 0.2 s, 1 measurement of 0.3 s)"
            : "full (2 forks, 3 warmup and 5 measurement iterations of 1 s)")
        .append(String.format(Locale.ROOT, ", %.0f s in all; Java %s; ", seconds, System.getProperty("java.version")))
        .append(pluginDirs.isEmpty() ? "built-in plugins only" : "plugin folders: " + pluginDirs)
        .append(".\n\n");
    b.append("Fixture: the quickstart mixture (2-D, 3 components), 2,000 training rows, the paper's grid at "
        + "κ = 0.2 (49 levels) under VE, one thread. Samplers run on a degree-3 piecewise-polynomial model; "
        + "`· scoreEvals` is their score evaluations per second. Metrics compare 1,000 points with 1,000. "
        + "JSON: `" + BenchMain.JSON_FILE + "` (JMH's own format).\n\n");
    b.append(table());
    if (!skipped.isEmpty()) {
      b.append("\n## Skipped\n\n");
      skipped.forEach(s -> b.append("- ").append(s).append('\n'));
    }
    if (!failed.isEmpty()) {
      b.append("\n## Failed\n\n");
      failed.forEach(s -> b.append("- ").append(s).append(" (see JMH's output)\n"));
    }
    b.append("\n## Gram-matrix kernel\n\n");
    List<Row> gram = rows.stream().filter(r -> r.benchmark().startsWith("GramBench.accumulate")
        && r.benchmark().endsWith(" · flops")).toList();
    if (gram.isEmpty()) {
      b.append("Not measured by this pass (`--include` left out `GramBench`).\n");
    } else {
      b.append("G = XᵀX of a 20,000 × p block, one thread, in GFLOP/s counted as 2·N·p² (as numpy's `X.T @ X` "
          + "is). `vector` ran ").append(io.diffmix.core.linalg.Gram.best().name()).append("; `blas` ran netlib's ")
          .append(GramBench.blasName()).append(" (JNIBLAS is native OpenBLAS). "
          + "scripts/gram-vs-numpy.sh sets these beside numpy's on the same shapes.\n\n");
      b.append("| kernel | p | GFLOP/s |\n| --- | ---: | ---: |\n");
      for (Row r : gram) {
        String p = r.benchmark().replaceAll(".*p = (\\d+).*", "$1");
        b.append("| ").append(r.plugin()).append(" | ").append(p).append(" | ")
            .append(String.format(Locale.ROOT, "%.2f", r.score() / 1e9)).append(" |\n");
      }
    }
    return b.toString();
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.3e", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}

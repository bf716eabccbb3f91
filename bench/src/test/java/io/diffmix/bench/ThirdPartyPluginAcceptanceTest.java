package io.diffmix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.cli.Diffmix;
import io.diffmix.core.config.Json;
import io.diffmix.core.testkit.PluginJars;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 1: the example plugin of {@code examples/third-party-plugin}, compiled from its sources into
 * a jar in a temporary plugins folder, is listed by {@code plugins --json} with its jar, runs in {@code run}, and is
 * in the benchmark list; and a forked JMH run of its sampler finds it too.
 */
class ThirdPartyPluginAcceptanceTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "third-party-plugin");

  @TempDir static Path plugins;
  static Path jar;

  @BeforeAll
  static void buildTheExampleJar() {
    jar = new PluginJars()
        .sourceTree(EXAMPLE.resolve("src/main/java"))
        .resourceTree(EXAMPLE.resolve("src/main/resources"))
        .build(plugins.resolve("diffmix-midpoint-plugin.jar"))
        .toAbsolutePath().normalize();
  }

  record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Diffmix.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new Cli(code, out.toString(), err.toString());
    }
  }

  @Test
  void pluginsJsonListsItsSamplerAndMetricWithTheirJar() {
    Cli r = Cli.run("plugins", "--json", "--plugins", plugins.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("warning");
    JsonNode all = Json.parse(r.out(), "plugins --json");
    assertThat(named(all.get("sampler"), "pf-midpoint").get("source").asText()).isEqualTo(jar.toString());
    assertThat(named(all.get("metric"), "moment-error").get("source").asText()).isEqualTo(jar.toString());
    assertThat(named(all.get("sampler"), "pf-heun").get("source").asText()).isEqualTo("built-in");
  }

  @Test
  void aRunWithItsSamplerAndMetricSucceeds(@TempDir Path tmp) throws Exception {
    Path config = Files.writeString(tmp.resolve("midpoint.json"), """
        {"seed": 3,
         "target": {"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2],
                    "means": [[0, 0], [5, 0], [0, 5]], "sigma0": 1.0},
         "train": 2000, "reference": 600, "generate": 700,
         "schedule": "ve", "grid": {"type": "paper", "kappa": 0.2},
         "learner": "exact", "sampler": "pf-midpoint", "metrics": ["mmd", "moment-error"],
         "plugins": "%s"}
        """.formatted(plugins.toString().replace("\\", "\\\\")));
    Cli r = Cli.run("run", config.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.read(tmp.resolve("out/report.json"));
    assertThat(report.at("/sampler/name").asText()).isEqualTo("pf-midpoint");
    assertThat(report.at("/sampler/nfe").asInt()).isEqualTo(2 * report.at("/sampler/steps").asInt()).isPositive();
    assertThat(report.at("/provenance/plugins/sampler:pf-midpoint").asText()).contains(jar.toString());
    // the exact score with a second-order sampler: the moments land within a few floor sds of the truth's
    JsonNode m = report.at("/metrics/moment_error");
    assertThat(m.get("mean_error").asDouble())
        .isLessThan(m.get("mean_error_floor").asDouble() + 5 * m.get("mean_error_floor_sd").asDouble());
  }

  @Test
  void theBenchmarkListPairsItWithTheSamplerAndMetricBenchmarks() {
    BenchmarksTest.Out r = BenchmarksTest.run("--list", "--plugins", plugins.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).contains("SamplerBench.step:pf-midpoint", "SamplerBench.sample:pf-midpoint",
        "MetricBench.evaluate:moment-error", "SamplerBench.step:pf-heun");
    assertThat(r.out()).doesNotContain("skipped");
  }

  @Test
  void aForkedJmhRunFindsItThroughThePluginsFolder(@TempDir Path out) {
    BenchmarksTest.Out r = BenchmarksTest.run("--quick", "--quiet", "--include", "SamplerBench.step:pf-midpoint$",
        "--plugins", plugins.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode results = BenchMain.read(out);
    assertThat(results).hasSize(1);
    assertThat(results.get(0).at("/params/sampler").asText()).isEqualTo("pf-midpoint");
    assertThat(results.get(0).at("/primaryMetric/score").asDouble()).isPositive();
    assertThat(results.get(0).at("/secondaryMetrics/scoreEvals/score").asDouble()).isPositive();
    assertThat(out.resolve(BenchMain.SUMMARY_FILE)).content().contains("| SamplerBench.step | `pf-midpoint` |")
        .contains("## Gram-matrix kernel");
  }

  private static JsonNode named(JsonNode family, String name) {
    for (JsonNode p : family) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError(name + " not listed in " + family);
  }
}

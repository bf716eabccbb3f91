package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diffmix evaluate}: the same metrics block as run, from a sample file alone. */
class EvaluateTest {
  @TempDir Path dir;

  private Path config() throws IOException {
    String c = Cli.smallConfig().replace("\"metrics\": [\"mmd\", \"mixture-recovery\"]",
        "\"metrics\": [\"mmd\", \"mixture-recovery\", \"energy\", \"log-likelihood\"]");
    Path file = dir.resolve("small.json");
    Files.writeString(file, c);
    return file;
  }

  @Test
  void aRunsSamplesEvaluateToTheNumbersInItsReport() throws IOException {
    Path config = config();
    Path run = dir.resolve("run");
    assertThat(Cli.run("run", config.toString(), "--out", run.toString(), "--quiet").exit()).isZero();
    Path json = dir.resolve("eval.json");
    Cli r = Cli.run("evaluate", "--samples", run.resolve("samples.npy").toString(), "--config", config.toString(),
        "--out", json.toString(), "--threads", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("log_likelihood").contains("energy");
    JsonNode report = Json.read(run.resolve("report.json"));
    JsonNode eval = Json.read(json);
    assertThat(eval.get("metrics")).isEqualTo(report.get("metrics"));
  }

  @Test
  void againstAReferenceFileTheFloorsComeFromItsHalves() throws IOException {
    Path config = config();
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(Cli.run("run", config.toString(), "--out", a.toString(), "--quiet").exit()).isZero();
    assertThat(Cli.run("run", config.toString(), "--out", b.toString(), "--quiet", "--set", "seed=9").exit())
        .isZero();
    Path json = dir.resolve("eval.json");
    Cli r = Cli.run("evaluate", "--samples", a.resolve("samples.npy").toString(),
        "--reference", b.resolve("samples.npy").toString(), "--metrics", "mmd,c2st,log-likelihood",
        "--out", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.read(json).get("metrics");
    // 700 reference rows: halves of 350 against each other
    assertThat(m.at("/mmd/floor_sizes").toString()).isEqualTo("[350,350]");
    assertThat(m.at("/c2st/accuracy").asDouble()).isBetween(0.3, 0.7);
    assertThat(m.at("/log_likelihood/skipped").asText()).contains("closed-form truth");
  }

  @Test
  void aDimensionMismatchIsBadInput() throws IOException {
    Path config = config();
    Path run = dir.resolve("run");
    assertThat(Cli.run("run", config.toString(), "--out", run.toString(), "--quiet").exit()).isZero();
    Path other = dir.resolve("other.json");
    Files.writeString(other, Files.readString(config).replace("[[0, 0], [5, 0], [0, 5]]", "[[0], [5], [1]]"));
    Cli r = Cli.run("evaluate", "--samples", run.resolve("samples.npy").toString(), "--config", other.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo(
        "diffmix: --samples: points of dimension 2, but target 'gaussian-mixture' has dimension 1");
  }
}

package io.diffmix.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.cli.Diffmix;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --engine spark} on {@code local[2]}: the same table as the local engine, failures as rows, and a
 * driver killed halfway that a rerun completes with exactly one row per cell and seed.
 */
class SparkEngineTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result compare(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("compare"));
    all.addAll(List.of(args));
    int exit = Diffmix.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  /** A grid of small cells: a second or so each. */
  private Path grid(String name, String axes, int seeds) throws IOException {
    String grid = """
        {"base": {"seed": 11,
                  "target": {"type": "gaussian-mixture", "weights": [0.5, 0.5], "means": [[0, 0], [4, 0]]},
                  "train": 2000, "reference": 500, "generate": 500,
                  "schedule": "ve", "grid": {"type": "paper", "kappa": 0.2},
                  "learner": {"type": "piecewise-polynomial", "degree": 2},
                  "metrics": ["mmd", "mixture-recovery"]},
         "axes": %s,
         "seeds": %d}
        """.formatted(axes, seeds);
    Path file = dir.resolve(name);
    Files.writeString(file, grid);
    return file;
  }

  private static List<JsonNode> rows(Path out) throws IOException {
    return Files.readAllLines(out.resolve("results.jsonl")).stream().map(l -> Json.parse(l, "row")).toList();
  }

  private static List<String> keys(List<JsonNode> rows) {
    return rows.stream().map(r -> r.get("cell").toString() + "#" + r.get("seed")).toList();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void sparkGivesTheLocalEnginesTableByteForByte() throws IOException {
    Path grid = grid("samplers.json", "{\"sampler.type\": [\"paper-ve\", \"pf-heun\"]}", 2);
    Path local = dir.resolve("local");
    Result l = compare(grid.toString(), "--out", local.toString(), "--quiet", "--threads", "1");
    assertThat(l.exit()).as(l.err()).isZero();
    Path spark = dir.resolve("spark");
    Result s = compare(grid.toString(), "--out", spark.toString(), "--engine", "spark", "--master", "local[2]");
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.err()).contains("spark: 4 tasks on local[2]");

    List<JsonNode> rows = rows(spark);
    assertThat(rows).hasSize(4);
    assertThat(keys(rows)).doesNotHaveDuplicates();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ok"));
    String csv = Files.readString(spark.resolve("table.csv"));
    assertThat(csv.lines()).hasSize(3);
    assertThat(csv).isEqualTo(Files.readString(local.resolve("table.csv")));
    // the metrics are the same numbers, not just the same rounding
    for (JsonNode r : rows) {
      JsonNode twin = rows(local).stream().filter(x -> x.get("cell").equals(r.get("cell"))
          && x.get("seed").equals(r.get("seed"))).findFirst().orElseThrow();
      assertThat(r.get("metrics")).isEqualTo(twin.get("metrics"));
      assertThat(r.get("config_sha256")).isEqualTo(twin.get("config_sha256"));
    }

    // a rerun finds nothing left to do: no Spark job, same bytes
    Result again = compare(grid.toString(), "--out", spark.toString(), "--engine", "spark", "--master", "local[2]");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("resuming: 4 of 4").doesNotContain("spark: ");
    assertThat(Files.readAllLines(spark.resolve("results.jsonl"))).hasSize(4);
    assertThat(Files.readString(spark.resolve("table.csv"))).isEqualTo(csv);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aFailingCellIsOneFailedRow() throws IOException {
    Path grid = grid("failing.json", "{\"grid.kappa\": [0.2, -1]}", 1);
    // marked as meant to fail; unmarked, the invalid kappa would stop the grid before any cell runs
    Files.writeString(grid, Files.readString(grid).replace("\"seeds\": 1}",
        "\"seeds\": 1, \"expected_failures\": [{\"grid.kappa\": -1}]}"));
    Path out = dir.resolve("out");
    Result s = compare(grid.toString(), "--out", out.toString(), "--quiet", "--engine", "spark",
        "--master", "local[2]");
    assertThat(s.exit()).as(s.err()).isZero();
    List<JsonNode> rows = rows(out);
    assertThat(rows).hasSize(2);
    assertThat(keys(rows)).doesNotHaveDuplicates();
    JsonNode failed = rows.stream().filter(r -> r.at("/cell/grid.kappa").asDouble() == -1).findFirst().orElseThrow();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).contains("kappa");
    JsonNode ok = rows.stream().filter(r -> r.at("/cell/grid.kappa").asDouble() == 0.2).findFirst().orElseThrow();
    assertThat(ok.get("status").asText()).isEqualTo("ok");
    assertThat(ok.at("/metrics/mmd/value").isNumber()).isTrue();
    List<String> csv = Files.readString(out.resolve("table.csv")).lines().toList();
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1)).startsWith("0.2,1,0,,");
    assertThat(csv.get(2)).startsWith("-1,0,1,\"").contains("kappa");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRetriedTaskGivesOneRow() throws IOException {
    // flaky-once fails the first task attempt in this JVM; local[2,2] lets Spark retry a task once
    Path grid = grid("retry.json", "{\"sampler.type\": [\"paper-ve\", \"pf-heun\"]}", 1);
    Files.writeString(grid, Files.readString(grid).replace("\"metrics\": [\"mmd\", \"mixture-recovery\"]",
        "\"metrics\": [\"mmd\", \"flaky-once\"]"));
    Path out = dir.resolve("out");
    Result s = compare(grid.toString(), "--out", out.toString(), "--quiet", "--engine", "spark",
        "--master", "local[2,2]");
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(FlakyPlugin.THROWN.get()).as("the injected failure ran").isEqualTo(1);
    List<JsonNode> rows = rows(out);
    assertThat(rows).hasSize(2);
    assertThat(keys(rows)).doesNotHaveDuplicates();
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("status").asText()).isEqualTo("ok");
      assertThat(r.at("/metrics/flaky_once/value").asDouble()).isEqualTo(500.0);
    });
  }
}

package io.diffmix.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark driver killed with SIGKILL once its first rows are in results.jsonl, then run again: the grid completes
 * with exactly one row per cell and seed.
 */
class SparkKillTest {
  @TempDir Path dir;

  /** {@code diffmix compare ... --engine spark} in a child JVM with the test class path and Spark's flags. */
  private Process driver(Path grid, Path out) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    cmd.addAll(Arrays.asList(System.getProperty("spark.java.opts").trim().split("\\s+")));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.diffmix.cli.Diffmix",
        "compare", grid.toString(), "--out", out.toString(), "--quiet", "--engine", "spark", "--master", "local[2]"));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile())
        .start();
  }

  private static int completeLines(Path results) throws IOException {
    if (!Files.exists(results)) {
      return 0;
    }
    String s = Files.readString(results);
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aDriverKilledHalfwayIsCompletedByARerunWithOneRowPerCellAndSeed() throws Exception {
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, """
        {"base": {"seed": 5,
                  "target": {"type": "gaussian-mixture", "weights": [0.5, 0.5], "means": [[0, 0], [4, 0]]},
                  "train": 2000, "reference": 500, "generate": 500,
                  "schedule": "ve", "grid": {"type": "paper", "kappa": 0.2},
                  "learner": {"type": "piecewise-polynomial", "degree": 2},
                  "metrics": ["mmd", "mixture-recovery"]},
         "axes": {"sampler.type": ["paper-ve", "pf-heun", "euler-maruyama"]},
         "seeds": 2}
        """);
    int total = 6;
    Path out = dir.resolve("out");
    Path results = out.resolve("results.jsonl");

    Process first = driver(grid, out);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (completeLines(results) == 0 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int before = completeLines(results);
    assertThat(before).as(Files.readString(dir.resolve("driver.log"))).isBetween(1, total - 1);
    String kept = Files.readString(results);
    kept = kept.substring(0, kept.lastIndexOf('\n') + 1);
    System.out.println("SparkKillTest: " + before + " of " + total + " rows in results.jsonl at the kill");

    Process second = driver(grid, out);
    assertThat(second.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(second.exitValue()).as(Files.readString(dir.resolve("driver.log"))).isZero();
    List<JsonNode> rows = Files.readAllLines(results).stream().map(l -> Json.parse(l, "row")).toList();
    assertThat(rows).hasSize(total);
    assertThat(rows.stream().map(r -> r.get("cell").toString() + "#" + r.get("seed")).distinct()).hasSize(total);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ok"));
    // the rows from before the kill are kept as they were
    assertThat(Files.readString(results)).startsWith(kept);
    assertThat(Files.readString(out.resolve("table.csv")).lines()).hasSize(4);
  }
}

package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diffmix compare}: tables, contained failures, and a resume that loses and duplicates nothing. */
class CompareTest {
  @TempDir Path dir;

  private Path grid() throws IOException {
    String grid = "{\"base\": " + Cli.smallConfig().replace("\"train\": 3000", "\"train\": 1500") + ","
        + " \"axes\": {\"grid.kappa\": [0.15, 0.3], \"grid.t1\": [0.001, -1]},"
        + " \"seeds\": 2, \"expected_failures\": [{\"grid.t1\": -1}]}";
    Path file = dir.resolve("grid.json");
    Files.writeString(file, grid);
    return file;
  }

  @Test
  void aGridRunsContainsItsFailuresAndResumesToTheSameBytes() throws IOException {
    Path grid = grid();
    Path full = dir.resolve("full");
    Cli r = Cli.run("compare", grid.toString(), "--out", full.toString(), "--quiet", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(full.resolve("results.jsonl"));
    assertThat(rows).hasSize(8);
    String csv = Files.readString(full.resolve("table.csv"));
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("grid.kappa,grid.t1,seeds_ok,seeds_failed,error,mmd.value_mean,mmd.value_sd");
    assertThat(lines.get(0)).doesNotContain("seconds").doesNotContain("threads");
    // the failing cells are recorded with their one-line reason; the others complete
    assertThat(lines.get(1)).startsWith("0.15,0.001,2,0,,");
    assertThat(lines.get(2)).startsWith("0.15,-1,0,2,\"").contains("grid.t1: -1 is out of range");
    assertThat(Files.readString(full.resolve("table.md"))).contains("| 0.15 | 0.001 | 2 | 0 |");
    try (var files = Files.list(full)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".png")))
          .contains("mmd.value_by_grid.kappa.png", "mixture_recovery.weights_tv_by_grid.t1.png");
    }

    // a kill after three rows, in the middle of writing the fourth
    Path resumed = dir.resolve("resumed");
    Files.createDirectories(resumed);
    String partial = String.join("\n", rows.subList(0, 3)) + "\n" + rows.get(3).substring(0, 40);
    Files.writeString(resumed.resolve("results.jsonl"), partial);
    Cli again = Cli.run("compare", grid.toString(), "--out", resumed.toString(), "--threads", "1");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("resuming: 3 of 8");
    assertThat(Files.readString(resumed.resolve("table.csv"))).isEqualTo(csv);
    List<String> after = Files.readAllLines(resumed.resolve("results.jsonl"));
    assertThat(after).hasSize(8);
    assertThat(after.stream().map(l -> {
      JsonNode n = Json.parse(l, "row");
      return n.get("cell").toString() + n.get("seed");
    }).distinct()).hasSize(8);
  }

  @Test
  void aBadGridIsBadInput() throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"base\": {}, \"axes\": {\"x\": []}}");
    Cli r = Cli.run("compare", file.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: " + file + ": axes.x: expected a non-empty list of values");
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isNotEmpty();
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void anUnknownEngineIsBadInputNamingTheValidOnes() throws IOException {
    Path grid = grid();
    Cli r = Cli.run("compare", grid.toString(), "--out", dir.resolve("o").toString(), "--engine", "hadoop");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: --engine hadoop: unknown engine; valid: local, spark");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void theSparkEngineWithoutItsModuleSaysHowToGetIt() throws IOException {
    // cli's own class path never holds the spark module
    Path grid = grid();
    Cli r = Cli.run("compare", grid.toString(), "--out", dir.resolve("o").toString(), "--engine", "spark");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("--engine spark: the spark module is not on the class path")
        .contains("./diffmix");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void masterIsOnlyForSpark() throws IOException {
    Path grid = grid();
    Cli r = Cli.run("compare", grid.toString(), "--out", dir.resolve("o").toString(), "--master", "local[2]");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: --master local[2]: only for --engine spark");
  }
}

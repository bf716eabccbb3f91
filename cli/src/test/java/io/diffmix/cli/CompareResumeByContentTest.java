package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.compare.ComparisonGrid;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} tells the truth: a stored row is reused only for the config that made it, a bad grid stops
 * before any cell runs, and a failing cell makes the exit code say so.
 */
class CompareResumeByContentTest {
  @TempDir Path dir;

  private Path grid(String name, String base, String axes, String extra) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"base\": " + base + ", \"axes\": " + axes + ", \"seeds\": 2" + extra + "}");
    return file;
  }

  private static String base(int train) {
    return Cli.smallConfig().replace("\"train\": 3000", "\"train\": " + train);
  }

  @Test
  void anEditedBaseRecomputesItsRowsAndGivesTheTableOfAFreshRun() throws IOException {
    String axes = "{\"grid.kappa\": [0.2, 0.3]}";
    Path out = dir.resolve("out");
    Cli first = Cli.run("compare", grid("g.json", base(1500), axes, "").toString(), "--out", out.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    String before = Files.readString(out.resolve("table.csv"));

    // the same grid file, edited: train 1500 -> 1800
    Path edited = grid("g.json", base(1800), axes, "");
    Cli again = Cli.run("compare", edited.toString(), "--out", out.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.err()).contains("recomputing 4 stale rows").doesNotContain("resuming");
    Path fresh = dir.resolve("fresh");
    Cli clean = Cli.run("compare", edited.toString(), "--out", fresh.toString(), "--quiet");
    assertThat(clean.exit()).as(clean.err()).isZero();
    String after = Files.readString(out.resolve("table.csv"));
    assertThat(after).isEqualTo(Files.readString(fresh.resolve("table.csv"))).isNotEqualTo(before);
    List<String> rows = Files.readAllLines(out.resolve("results.jsonl"));
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().map(CompareResumeByContentTest::withoutTiming).toList())
        .isEqualTo(Files.readAllLines(fresh.resolve("results.jsonl")).stream()
            .map(CompareResumeByContentTest::withoutTiming).toList());

    // and once more, unchanged: everything is reused
    Cli third = Cli.run("compare", edited.toString(), "--out", out.toString());
    assertThat(third.exit()).isZero();
    assertThat(third.err()).contains("resuming: 4 of 4").doesNotContain("stale");
    assertThat(Files.readString(out.resolve("table.csv"))).isEqualTo(after);
  }

  private static String withoutTiming(String line) {
    JsonNode n = Json.parse(line, "row");
    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("timing");
    return n.toString();
  }

  @Test
  void anUnknownKeyPluginOrParameterOnAnAxisIsBadInputBeforeAnyCellRuns() throws IOException {
    String[][] cases = {
        {"{\"learner.degre\": [2, 3], \"grid.kappa\": [0.2]}", "learner: unknown parameter 'degre'"},
        {"{\"sampler.type\": [\"paper-ve\", \"pf-hen\"]}", "pf-hen"},
        {"{\"trian\": [100]}", "unknown key 'trian'"},
    };
    int i = 0;
    for (String[] c : cases) {
      Path out = dir.resolve("bad" + i);
      Path g = grid("bad" + i++ + ".json", base(1500).replace("\"learner\": \"exact\"",
          "\"learner\": {\"type\": \"piecewise-polynomial\"}"), c[0], "");
      Cli r = Cli.run("compare", g.toString(), "--out", out.toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).contains(c[1]).contains("no cell has run");
      assertThat(out).doesNotExist();
      assertThat(dir.resolve(".bad" + (i - 1) + ".diffmix-lock")).doesNotExist();
    }
  }

  @Test
  void aValueListedTwiceOnAnAxisIsBadInput() throws IOException {
    Path g = grid("twice.json", base(1500), "{\"grid.kappa\": [0.2, 0.2]}", "");
    Path out = dir.resolve("twice");
    Cli r = Cli.run("compare", g.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: " + g + ": axes.grid.kappa: the value 0.2 is listed twice; "
        + "valid: each value once (vary the seed with \"seeds\")");
    assertThat(out).doesNotExist();
  }

  @Test
  void aCellThatFailsAtRunTimeMakesTheExitCodeOneAndIsCounted() throws IOException {
    // init names a file of the wrong shape: the config is valid, the run fails when it reads the file
    Path wrong = dir.resolve("wrong.npy");
    io.diffmix.core.io.AtomicOutput.writeFile(wrong, os -> io.diffmix.core.io.Npy.write(
        io.diffmix.core.data.Samples.zeros(3, 2), os));
    Path g = grid("init.json", base(1500), "{\"init\": [null, \"" + wrong + "\"]}", "");
    Path out = dir.resolve("init");
    Cli r = Cli.run("compare", g.toString(), "--out", out.toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err().trim()).isEqualTo("diffmix: 2 of 4 cells and seeds failed; their reasons are in "
        + out.resolve("results.jsonl") + " and table.csv");
    assertThat(out.resolve("table.csv")).exists();

    // marked as expected, the same failures are no error
    Path marked = grid("init-marked.json", base(1500), "{\"init\": [null, \"" + wrong + "\"]}",
        ", \"expected_failures\": [{\"init\": \"" + wrong + "\"}]");
    Cli m = Cli.run("compare", marked.toString(), "--out", dir.resolve("marked").toString());
    assertThat(m.exit()).as(m.err()).isZero();
    assertThat(m.err()).contains("2 of 4 cells and seeds failed, as the grid's expected_failures say");
  }

  @Test
  void theShippedLearnersSamplersGridMarksItsFailingCells() throws IOException {
    Path file = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("examples/grids/learners-samplers.json");
    ComparisonGrid grid = ComparisonGrid.parse(Json.read(file), file.toString());
    var registry = io.diffmix.core.registry.Registry.load(List.of(), msg -> {});
    int expected = 0;
    for (ComparisonGrid.Cell cell : grid.cells()) {
      boolean fails;
      try {
        io.diffmix.core.experiment.ExperimentSpec.parse(grid.config(cell, 7), "cell", registry);
        fails = false;
      } catch (io.diffmix.core.config.BadInputException e) {
        fails = true;
      }
      assertThat(grid.expectedToFail(cell)).as(cell.json().toString()).isEqualTo(fails);
      expected += fails ? 1 : 0;
    }
    assertThat(expected).isEqualTo(3);
  }
}

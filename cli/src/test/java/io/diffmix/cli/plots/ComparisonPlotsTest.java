package io.diffmix.cli.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.compare.ComparisonGrid;
import io.diffmix.core.compare.ComparisonTable;
import io.diffmix.core.config.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A comparison's plots finish, and label each value of an axis so that it can be told apart, when the values
 * are long JSON objects: XChart 3.8.8 loops for ever on a tick label wider than its axis.
 */
class ComparisonPlotsTest {
  private static final String LONG = "{\"type\": \"piecewise-polynomial\", \"degree\": 3, \"ridge\": 1.0000001e-6, "
      + "\"warm_start_batch\": 4000, \"variance_reduction\": \"control-variate+freeze\"";

  private static JsonNode json(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ComparisonGrid grid(List<String> learners) {
    return ComparisonGrid.parse(json("{\"base\": {\"seed\": 1}, \"axes\": {\"learner\": [" + String.join(", ", learners)
        + "], \"target\": [\"quickstart\"]}, \"seeds\": 1}"), "test.json");
  }

  private static ComparisonTable table(ComparisonGrid grid) {
    List<ObjectNode> rows = new ArrayList<>();
    double v = 0.03;
    for (ComparisonGrid.Cell cell : grid.cells()) {
      ObjectNode r = Json.MAPPER.createObjectNode();
      r.set("cell", cell.json());
      r.put("seed", 1);
      r.put("status", "ok");
      r.putObject("metrics").putObject("mmd").put("value", v += 0.001);
      rows.add(r);
    }
    return new ComparisonTable(grid, rows);
  }

  @Test
  void plotsOfLongJsonAxisValuesFinish() {
    for (int cells : new int[] {2, 4, 9}) {
      List<String> learners = new ArrayList<>();
      for (int i = 0; i < cells; i++) {
        learners.add(LONG + ", \"boundary_blend\": " + (0.05 * i) + "}");
      }
      ComparisonGrid grid = grid(learners);
      Map<String, byte[]> plots = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> ComparisonPlots.of(grid, table(grid)));
      assertThat(plots).containsKeys("mmd.value_by_learner.png", "mmd.value_by_target.png");
    }
  }

  @Test
  void jsonObjectsAreLabelledByWhatDiffersBetweenThem() {
    List<JsonNode> values = List.of(json(LONG + "}"), json(LONG + ", \"boundary_blend\": 0.25}"),
        json(LONG.replace("\"degree\": 3", "\"degree\": 4") + ", \"boundary_blend\": 0.25}"));
    assertThat(CategoryLabels.of(values)).containsExactly("degree=3, boundary_blend=-",
        "degree=3, boundary_blend=0.25", "degree=4, boundary_blend=0.25");
    assertThat(CategoryLabels.of(List.of(json("\"quickstart\""), json("\"circle\""))))
        .containsExactly("quickstart", "circle");
  }

  @Test
  void labelsAreCutToFitAndStayDistinct() {
    String a = "x".repeat(100) + "a";
    String b = "x".repeat(100) + "b";
    List<String> labels = CategoryLabels.of(List.of(json("\"" + a + "\""), json("\"" + b + "\"")));
    assertThat(labels).doesNotHaveDuplicates().allMatch(s -> s.length() <= CategoryLabels.MAX);
    assertThat(labels.get(0)).startsWith("1: ");
  }
}

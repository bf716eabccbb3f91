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

  /** A target as long as a learner: in the legend of the plots by learner. */
  private static final String TARGET = "{\"type\": \"random-mixture\", \"k\": 4, \"dim\": 6, \"separation\": 5, "
      + "\"min_weight\": 0.1, \"seed\": 3}";

  private static JsonNode json(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ComparisonGrid grid(List<String> learners, List<String> targets) {
    return ComparisonGrid.parse(json("{\"base\": {\"seed\": 1}, \"axes\": {\"learner\": [" + String.join(", ", learners)
        + "], \"target\": [" + String.join(", ", targets) + "]}, \"seeds\": 1}"), "test.json");
  }

  private static ComparisonTable table(ComparisonGrid grid, double... values) {
    List<ObjectNode> rows = new ArrayList<>();
    int i = 0;
    for (ComparisonGrid.Cell cell : grid.cells()) {
      ObjectNode r = Json.MAPPER.createObjectNode();
      r.set("cell", cell.json());
      r.put("seed", 1);
      r.put("status", "ok");
      r.putObject("metrics").putObject("mmd").put("value", values.length > 0 ? values[i++] : 0.03 + 0.001 * i++);
      rows.add(r);
    }
    return new ComparisonTable(grid, rows);
  }

  /**
   * The grid that hung: four learners that differ in two short parameters, one long target in every legend
   * entry, and values equal to ten digits.
   */
  @Test
  void theGridThatHungFinishes() {
    String base = "{\"type\": \"piecewise-polynomial\", \"degree\": 3";
    ComparisonGrid grid = grid(List.of(base + "}", base + ", \"boundary_blend\": 0.25}",
        base + ", \"ridge\": 1.0000001e-6}", base + ", \"boundary_blend\": 0.25, \"ridge\": 1.0000001e-6}"),
        List.of(TARGET));
    Map<String, byte[]> plots = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ComparisonPlots.of(grid,
        table(grid, 0.03382976342232115, 0.031169940154884838, 0.033829763421645634, 0.03116994015367698), w -> { }));
    assertThat(plots).containsKeys("mmd.value_by_learner.png", "mmd.value_by_target.png");
  }

  @Test
  void plotsOfLongJsonAxisValuesFinish() {
    for (int cells : new int[] {2, 4, 9}) {
      List<String> learners = new ArrayList<>();
      for (int i = 0; i < cells; i++) {
        learners.add(LONG + ", \"boundary_blend\": " + (0.05 * i) + "}");
      }
      for (List<String> targets : List.of(List.of(TARGET),
          List.of(TARGET, TARGET.replace("\"seed\": 3", "\"seed\": 4")))) {
        ComparisonGrid grid = grid(learners, targets);
        Map<String, byte[]> plots = assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> ComparisonPlots.of(grid, table(grid), w -> { }));
        assertThat(plots).containsKeys("mmd.value_by_learner.png", "mmd.value_by_target.png");
      }
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

  /** A chart that does not finish drawing is given up on at the deadline, and its thread left to end. */
  @Test
  void aChartPastItsDeadlineIsGivenUpOn() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).build();
    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return String.valueOf(x);
    });
    chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
    long t0 = System.nanoTime();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Plots.png(chart, 1))
          .isInstanceOf(Plots.TimedOut.class).hasMessageContaining("did not finish it in 1 s");
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    } finally {
      release.countDown();
    }
  }

  /** A plot past its deadline is left out of a run's or a grid's plots with one warning; the others are kept. */
  @Test
  void aTimedOutPlotIsLeftOutWithOneWarning() {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Plots.drawn(out, "a.png", () -> {
      throw new Plots.TimedOut(30);
    }, warnings::add);
    Plots.drawn(out, "b.png", () -> new byte[] {1}, warnings::add);
    assertThat(out).containsOnlyKeys("b.png");
    assertThat(warnings).containsExactly(
        "diffmix: warning: plot a.png skipped: the plotting library did not finish it in 30 s");
  }
}

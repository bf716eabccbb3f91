package io.diffmix.cli.plots;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.compare.ComparisonGrid;
import io.diffmix.core.compare.ComparisonTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * A comparison's plots: each headline metric against each axis, mean ± sd over seeds, one series per
 * combination of the other axes' values.
 */
public final class ComparisonPlots {
  private ComparisonPlots() {}

  /** Every plot, by file name; one that {@link Plots#png} gave up on is left out with a line to {@code warn}. */
  public static Map<String, byte[]> of(ComparisonGrid grid, ComparisonTable table,
      java.util.function.Consumer<String> warn) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String field : table.fields()) {
      if (field.startsWith("oracle.") || !ComparisonTable.headline(field)) {
        continue;
      }
      for (String axis : grid.axes().keySet()) {
        Plots.drawn(out, fileName(field + "_by_" + axis) + ".png", () -> plot(grid, table, field, axis), warn);
      }
    }
    return out;
  }

  private static byte[] plot(ComparisonGrid grid, ComparisonTable table, String field, String axis) {
    List<String> categories = new ArrayList<>();
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode v : grid.axes().get(axis)) {
      categories.add(ComparisonTable.label(v));
      values.add(v);
    }
    List<String> shown = CategoryLabels.of(values);
    // series: the other axes' values; points: this axis's values
    Map<String, Double[][]> series = new LinkedHashMap<>();
    Map<String, Map<String, String>> shortNames = shortLabels(grid);
    for (ComparisonGrid.Cell cell : grid.cells()) {
      StringBuilder name = new StringBuilder();
      cell.values().forEach((k, v) -> {
        if (!k.equals(axis)) {
          name.append(name.length() == 0 ? "" : ", ").append(k).append('=')
              .append(shortNames.get(k).get(ComparisonTable.label(v)));
        }
      });
      String key = name.length() == 0 ? field : name.toString();
      Double[][] ys = series.computeIfAbsent(key, k -> new Double[2][categories.size()]);
      int x = categories.indexOf(ComparisonTable.label(cell.values().get(axis)));
      double[] ms = ComparisonTable.meanSd(table.values(cell, field));
      ys[0][x] = Double.isFinite(ms[0]) ? ms[0] : null;
      ys[1][x] = Double.isFinite(ms[1]) ? ms[1] : 0.0;
    }
    // an XY chart at positions 0, 1, 2, … labelled with the axis values: XChart's category charts draw
    // scatter markers of negative values at the baseline
    XYChart chart = new XYChartBuilder().width(900).height(600).title(field + " by " + axis)
        .xAxisTitle(axis).yAxisTitle(field).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(10);
    // below the plot, so that the legend's width never narrows the axis its labels must fit in
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisTicksVisible(true);

    chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
      long i = Math.round(x);
      return Math.abs(x - i) < 1e-6 && i >= 0 && i < shown.size() ? shown.get((int) i) : " ";
    });
    boolean any = false;
    for (Map.Entry<String, Double[][]> e : series.entrySet()) {
      List<Double> xs = new ArrayList<>();
      List<Number> ys = new ArrayList<>();
      List<Number> err = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        if (e.getValue()[0][i] != null) {
          xs.add((double) i);
          ys.add(e.getValue()[0][i]);
          err.add(e.getValue()[1][i]);
        }
      }
      if (!xs.isEmpty()) {
        chart.addSeries(e.getKey(), xs, ys, err);
        any = true;
      }
    }
    return any ? Plots.png(chart) : null;
  }

  /** Per axis, each value's full label to its short one ({@link CategoryLabels}). */
  private static Map<String, Map<String, String>> shortLabels(ComparisonGrid grid) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    grid.axes().forEach((axis, values) -> {
      List<String> shown = CategoryLabels.of(values);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        m.put(ComparisonTable.label(values.get(i)), shown.get(i));
      }
      out.put(axis, m);
    });
    return out;
  }

  private static String fileName(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}

package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a comparison: mean and standard deviation over seeds, per cell and metric field.
 *
 * <p>{@code table.csv} holds no wall-clock field, thread count, engine or host, its rows follow the grid's
 * order and its floats are written as {@code %.6g}: two runs of one grid give the same bytes, whatever the
 * order in which cells finished. Timings go to {@code table.md} only.
 */
public final class ComparisonTable {
  private final ComparisonGrid grid;
  private final Map<String, List<ObjectNode>> byCell = new LinkedHashMap<>();
  private final Set<String> fields = new LinkedHashSet<>();

  public ComparisonTable(ComparisonGrid grid, List<ObjectNode> rows) {
    this.grid = grid;
    Map<String, ObjectNode> byKey = new LinkedHashMap<>();
    for (ObjectNode r : rows) {
      byKey.put(ComparisonRunner.key(r.get("cell"), r.get("seed").asLong()), r);
    }
    for (ComparisonGrid.Cell cell : grid.cells()) {
      List<ObjectNode> list = new ArrayList<>();
      for (long seed : grid.seeds()) {
        ObjectNode r = byKey.get(ComparisonRunner.key(cell.json(), seed));
        if (r != null) {
          list.add(r);
          if ("ok".equals(r.path("status").asText())) {
            collect("", r.path("metrics"));
            collect("oracle.", r.path("oracle").path("metrics"));
          }
        }
      }
      byCell.put(cell.json().toString(), list);
    }
  }

  private void collect(String prefix, JsonNode metrics) {
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> f = m.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> field = f.next();
        if (field.getValue().isFloatingPointNumber() || field.getValue().isTextual()
            && List.of("Infinity", "NaN", "-Infinity").contains(field.getValue().asText())) {
          fields.add(prefix + m.getKey() + "." + field.getKey());
        }
      }
    }
  }

  /** Every numeric metric field, as {@code metric.field} or {@code oracle.metric.field}. */
  public List<String> fields() {
    return List.copyOf(fields);
  }

  /** The values of a field over the ok seeds of a cell. */
  public double[] values(ComparisonGrid.Cell cell, String field) {
    List<ObjectNode> rows = byCell.get(cell.json().toString());
    return rows.stream().filter(r -> "ok".equals(r.path("status").asText()))
        .mapToDouble(r -> number(r, field)).toArray();
  }

  private static double number(ObjectNode row, String field) {
    boolean oracle = field.startsWith("oracle.");
    String rest = oracle ? field.substring(7) : field;
    int dot = rest.indexOf('.');
    JsonNode base = oracle ? row.path("oracle").path("metrics") : row.path("metrics");
    JsonNode v = base.path(rest.substring(0, dot)).path(rest.substring(dot + 1));
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      return Double.parseDouble(v.asText());
    }
    return Double.NaN;
  }

  /** The mean and sample standard deviation (NaN for fewer than two values). */
  public static double[] meanSd(double[] v) {
    if (v.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    if (v.length < 2) {
      return new double[] {mean, Double.NaN};
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(ss / (v.length - 1))};
  }

  /** The first failure's reason in a cell, or "". */
  public String error(ComparisonGrid.Cell cell) {
    return byCell.get(cell.json().toString()).stream().filter(r -> "failed".equals(r.path("status").asText()))
        .map(r -> r.path("error").asText()).findFirst().orElse("");
  }

  public int count(ComparisonGrid.Cell cell, String status) {
    return (int) byCell.get(cell.json().toString()).stream()
        .filter(r -> status.equals(r.path("status").asText())).count();
  }

  /** table.csv: the same bytes for the same grid and results, whatever their order. */
  public String csv() {
    StringBuilder b = new StringBuilder();
    List<String> head = new ArrayList<>(grid.axes().keySet());
    head.add("seeds_ok");
    head.add("seeds_failed");
    head.add("error");
    for (String f : fields) {
      head.add(f + "_mean");
      head.add(f + "_sd");
    }
    b.append(String.join(",", head.stream().map(ComparisonTable::csvCell).toList())).append('\n');
    for (ComparisonGrid.Cell cell : grid.cells()) {
      List<String> row = new ArrayList<>();
      cell.values().values().forEach(v -> row.add(csvCell(label(v))));
      row.add(Integer.toString(count(cell, "ok")));
      row.add(Integer.toString(count(cell, "failed")));
      row.add(csvCell(error(cell)));
      for (String f : fields) {
        double[] ms = meanSd(values(cell, f));
        row.add(g(ms[0]));
        row.add(g(ms[1]));
      }
      b.append(String.join(",", row)).append('\n');
    }
    return b.toString();
  }

  /** table.md: mean ± sd of the headline fields, and the mean timings. */
  public String markdown() {
    List<String> shown = fields.stream().filter(ComparisonTable::headline).toList();
    StringBuilder b = new StringBuilder("# diffmix compare\n\n");
    b.append(grid.cells().size()).append(" cells × ").append(grid.seeds().size()).append(" seeds ")
        .append(grid.seeds()).append("\n\n|");
    grid.axes().keySet().forEach(k -> b.append(' ').append(k).append(" |"));
    b.append(" ok | failed |");
    shown.forEach(f -> b.append(' ').append(f).append(" |"));
    b.append(" fit s | sample s | error |\n|");
    int columns = grid.axes().size() + 2 + shown.size() + 3;
    b.append(" --- |".repeat(columns)).append('\n');
    for (ComparisonGrid.Cell cell : grid.cells()) {
      b.append('|');
      cell.values().values().forEach(v -> b.append(' ').append(label(v).replace("|", "\\|")).append(" |"));
      b.append(' ').append(count(cell, "ok")).append(" | ").append(count(cell, "failed")).append(" |");
      for (String f : shown) {
        double[] ms = meanSd(values(cell, f));
        b.append(' ').append(g(ms[0])).append(Double.isNaN(ms[1]) ? "" : " ± " + g(ms[1])).append(" |");
      }
      b.append(' ').append(g(meanSd(timing(cell, "fit_seconds"))[0])).append(" | ")
          .append(g(meanSd(timing(cell, "sample_seconds"))[0])).append(" | ")
          .append(error(cell).replace("|", "\\|")).append(" |\n");
    }
    return b.toString();
  }

  private double[] timing(ComparisonGrid.Cell cell, String key) {
    return byCell.get(cell.json().toString()).stream().filter(r -> "ok".equals(r.path("status").asText()))
        .mapToDouble(r -> r.path("timing").path(key).asDouble()).toArray();
  }

  /** Fields worth a column in table.md and a plot: each metric's headline numbers, not its floors. */
  public static boolean headline(String field) {
    String last = field.substring(field.lastIndexOf('.') + 1);
    return List.of("value", "accuracy", "tv_lower_bound", "dlogp", "weights_tv", "mean_error", "weighted", "nll",
        "nll_closed_form", "kl", "tv_upper").contains(last);
  }

  /** An axis value as a table label: a string as itself, a component by its type and parameters. */
  public static String label(JsonNode v) {
    return v.isTextual() ? v.asText() : v.toString();
  }

  static String g(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}

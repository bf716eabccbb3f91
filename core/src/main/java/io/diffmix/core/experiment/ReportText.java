package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The human-readable forms of a report: the terminal summary and report.md. */
public final class ReportText {
  private ReportText() {}

  /** A Markdown table of every metric value beside its floor and beside the oracle's value. */
  public static String markdown(JsonNode report) {
    StringBuilder b = new StringBuilder();
    JsonNode prov = report.path("provenance");
    b.append("# diffmix run\n\n");
    b.append("- target: `").append(prov.path("config").path("target").path("type").asText()).append("`, dim ")
        .append(report.path("data").path("dim").asInt()).append(", train ")
        .append(report.path("data").path("train").asInt()).append(", generated ")
        .append(report.path("data").path("generated").asInt()).append('\n');
    b.append("- learner: `").append(report.path("learner").path("name").asText()).append("`, ")
        .append(report.path("learner").path("levels").asInt()).append(" levels, fit ")
        .append(fmt(report.path("learner").path("fit_seconds").asDouble())).append(" s\n");
    b.append("- sampler: `").append(report.path("sampler").path("name").asText()).append("`, NFE ")
        .append(report.path("sampler").path("nfe").asInt()).append(", sample ")
        .append(fmt(report.path("sampler").path("sample_seconds").asDouble())).append(" s\n");
    b.append("- seed ").append(prov.path("seed").asLong()).append(", threads ").append(prov.path("threads").asInt())
        .append(", BLAS ").append(prov.path("blas").asText()).append(", diffmix ")
        .append(report.path("diffmix_version").asText()).append("\n\n");
    b.append(table(report, true));
    return b.toString();
  }

  /** The summary table that {@code diffmix run} prints. */
  public static String summary(JsonNode report) {
    return table(report, false);
  }

  private static String table(JsonNode report, boolean markdown) {
    boolean hasOracle = report.has("oracle");
    String[] head = hasOracle
        ? new String[] {"metric", "value", "floor ± sd", "oracle"}
        : new String[] {"metric", "value", "floor ± sd"};
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    JsonNode metrics = report.path("metrics");
    JsonNode oracle = report.path("oracle").path("metrics");
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode m = e.getValue();
      if (m.has("skipped")) {
        rows.add(hasOracle ? new String[] {e.getKey(), "skipped", m.get("skipped").asText(), ""}
            : new String[] {e.getKey(), "skipped", m.get("skipped").asText()});
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> f = m.fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> field = f.next();
        String k = field.getKey();
        // metric values are floating point; integers are counts and settings (floor_pairs, folds)
        if (!field.getValue().isFloatingPointNumber() || k.contains("floor") || k.equals("bandwidth")) {
          continue;
        }
        String label = k.equals("value") ? e.getKey() : e.getKey() + "." + k;
        // a metric's primary field comes first, and its floor is the one called "floor"
        String floorKey = m.has(k + "_floor") ? k + "_floor" : k.equals(firstFloating(m)) && m.has("floor")
            ? "floor" : null;
        String floor = floorKey == null ? "" : fmt(m.get(floorKey).asDouble()) + " ± "
            + fmt(m.get(floorKey + "_sd").asDouble());
        String value = fmt(field.getValue().asDouble());
        if (hasOracle) {
          JsonNode ov = oracle.path(e.getKey()).path(k);
          rows.add(new String[] {label, value, floor, ov.isNumber() ? fmt(ov.asDouble()) : ""});
        } else {
          rows.add(new String[] {label, value, floor});
        }
      }
    }
    return render(head, rows, markdown);
  }

  private static String firstFloating(JsonNode metric) {
    for (Iterator<Map.Entry<String, JsonNode>> f = metric.fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> e = f.next();
      if (e.getValue().isFloatingPointNumber()) {
        return e.getKey();
      }
    }
    return "";
  }

  private static String render(String[] head, java.util.List<String[]> rows, boolean markdown) {
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, head, w, markdown);
    if (markdown) {
      b.append('|');
      for (int width : w) {
        b.append(' ').append("-".repeat(width)).append(" |");
      }
      b.append('\n');
    } else {
      int total = 0;
      for (int width : w) {
        total += width + 2;
      }
      b.append("-".repeat(total - 2)).append('\n');
    }
    for (String[] r : rows) {
      line(b, r, w, markdown);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String[] cells, int[] w, boolean markdown) {
    if (markdown) {
      b.append('|');
    }
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] + " ".repeat(w[i] - cells[i].length());
      b.append(markdown ? " " + c + " |" : (i == 0 ? "" : "  ") + c);
    }
    b.append('\n');
  }

  static String fmt(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
  }
}

package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Overrides;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison grid, GRID.json: a {@code base} config, {@code axes} from a dotted config key to a list of values,
 * {@code seeds}, a list or a count starting at the base seed, and optionally {@code expected_failures}, the cells
 * that are meant to fail.
 *
 * <pre>{@code
 * {"base": {...a run config...},
 *  "axes": {"learner": [{"type": "exact"}, {"type": "piecewise-polynomial"}], "sampler.type": ["paper-ve"]},
 *  "seeds": 3,
 *  "expected_failures": [{"learner": {"type": "piecewise-polynomial"}}]}
 * }</pre>
 *
 * A value is applied like {@code --set}: setting a component's {@code type}, or the component itself,
 * replaces the whole component.
 */
public record ComparisonGrid(ObjectNode base, Map<String, List<JsonNode>> axes, List<Long> seeds,
    List<Map<String, JsonNode>> expectedFailures) {
  private static final List<String> KEYS = List.of("base", "axes", "seeds", "expected_failures");

  public ComparisonGrid {
    expectedFailures = List.copyOf(expectedFailures);
  }

  /** One cell: a value per axis, in axis order, with its position in the grid. */
  public record Cell(int index, Map<String, JsonNode> values) {
    /** The cell as a JSON object, for results and tables. */
    public ObjectNode json() {
      ObjectNode o = io.diffmix.core.config.Json.MAPPER.createObjectNode();
      values.forEach(o::set);
      return o;
    }
  }

  /** Validates GRID.json; {@code source} names it in errors. */
  public static ComparisonGrid parse(JsonNode root, String source) {
    if (!root.isObject()) {
      throw new BadInputException(source + ": expected a JSON object with base, axes and seeds");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new BadInputException(source + ": unknown key '" + k + "'; valid: " + String.join(", ", KEYS));
      }
    }
    JsonNode base = root.get("base");
    if (base == null || !base.isObject()) {
      throw new BadInputException(source + ": base: expected a run config object");
    }
    JsonNode axesNode = root.get("axes");
    if (axesNode == null || !axesNode.isObject() || axesNode.isEmpty()) {
      throw new BadInputException(source + ": axes: expected an object from a config key to a list of values");
    }
    Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = axesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        throw new BadInputException(source + ": axes." + e.getKey() + ": expected a non-empty list of values");
      }
      if (e.getKey().equals("seed")) {
        throw new BadInputException(source + ": axes.seed: vary the seed with \"seeds\", not as an axis");
      }
      List<JsonNode> values = new ArrayList<>();
      for (JsonNode v : e.getValue()) {
        if (values.contains(v)) {
          throw new BadInputException(source + ": axes." + e.getKey() + ": the value " + v + " is listed twice; "
              + "valid: each value once (vary the seed with \"seeds\")");
        }
        values.add(v);
      }
      axes.put(e.getKey(), values);
    }
    long baseSeed = base.path("seed").asLong(0);
    List<Long> seeds = new ArrayList<>();
    JsonNode s = root.get("seeds");
    if (s == null || s.isNull()) {
      seeds.add(baseSeed);
    } else if (s.isIntegralNumber()) {
      if (s.asLong() < 1 || s.asLong() > 100_000) {
        throw new BadInputException(source + ": seeds: " + s + " is out of range; valid: a count from 1 to 100000, "
            + "or a list of seeds");
      }
      for (long i = 0; i < s.asLong(); i++) {
        seeds.add(baseSeed + i);
      }
    } else if (s.isArray() && !s.isEmpty()) {
      for (JsonNode v : s) {
        if (!v.isIntegralNumber()) {
          throw new BadInputException(source + ": seeds: " + v + " is not an integer");
        }
        if (seeds.contains(v.asLong())) {
          throw new BadInputException(source + ": seeds: " + v + " is listed twice");
        }
        seeds.add(v.asLong());
      }
    } else {
      throw new BadInputException(source + ": seeds: expected a count or a list of integers, got " + s);
    }
    return new ComparisonGrid((ObjectNode) base, axes, seeds, expectedFailures(root.get("expected_failures"),
        axes, source));
  }

  /**
   * {@code expected_failures}: a list of partial cells, each an object from axis keys to one of their values. A cell
   * that matches every entry of one of them is expected to fail; its failure is recorded like any other, but it
   * is neither bad input nor an error of the grid.
   */
  private static List<Map<String, JsonNode>> expectedFailures(JsonNode node, Map<String, List<JsonNode>> axes,
      String source) {
    List<Map<String, JsonNode>> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    String where = source + ": expected_failures";
    if (!node.isArray()) {
      throw new BadInputException(where + ": expected a list of objects from axis keys to values, such as "
          + "[{\"learner.degree\": 13}]");
    }
    for (JsonNode item : node) {
      if (!item.isObject() || item.isEmpty()) {
        throw new BadInputException(where + ": " + item + " is not an object from axis keys to values");
      }
      Map<String, JsonNode> match = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<JsonNode> values = axes.get(e.getKey());
        if (values == null) {
          throw new BadInputException(where + ": '" + e.getKey() + "' is not an axis; valid: "
              + String.join(", ", axes.keySet()));
        }
        if (!values.contains(e.getValue())) {
          throw new BadInputException(where + ": " + e.getKey() + " = " + e.getValue() + " is not one of the "
              + "axis's values " + values);
        }
        match.put(e.getKey(), e.getValue());
      }
      out.add(match);
    }
    return out;
  }

  /** Whether the grid marks this cell as expected to fail. */
  public boolean expectedToFail(Cell cell) {
    for (Map<String, JsonNode> match : expectedFailures) {
      boolean all = true;
      for (Map.Entry<String, JsonNode> e : match.entrySet()) {
        all &= e.getValue().equals(cell.values().get(e.getKey()));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Every cell, in grid order: the first axis varies slowest. */
  public List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    List<String> keys = new ArrayList<>(axes.keySet());
    int total = 1;
    for (List<JsonNode> v : axes.values()) {
      total *= v.size();
    }
    for (int index = 0; index < total; index++) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      int rest = index;
      int stride = total;
      for (String k : keys) {
        List<JsonNode> v = axes.get(k);
        stride /= v.size();
        values.put(k, v.get(rest / stride));
        rest %= stride;
      }
      out.add(new Cell(index, values));
    }
    return out;
  }

  /** The run config of a cell and seed: the base, the cell's values applied like --set, then the seed. */
  public ObjectNode config(Cell cell, long seed) {
    ObjectNode c = base.deepCopy();
    cell.values().forEach((k, v) -> Overrides.set(c, k, v.deepCopy()));
    c.put("seed", seed);
    return c;
  }
}

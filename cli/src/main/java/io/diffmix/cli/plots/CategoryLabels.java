package io.diffmix.cli.plots;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.compare.ComparisonTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The x-axis labels of a plot by one axis of a grid: short, and distinct. XChart 3.8.8 widens its tick step
 * until every label fits between two ticks, and loops for ever when one label is wider than the whole axis (its
 * issue 799): a grid of learners differing in one parameter of a long JSON object hung `diffmix compare` after
 * the table was written. So an axis of JSON objects is labelled by the keys whose values differ between them,
 * and every label is cut to {@link #MAX} characters, which fit in the plot's width in any glyph of its font.
 */
final class CategoryLabels {
  /** At most this many characters: about 700 pixels at the widest glyph of the tick font. */
  static final int MAX = 48;

  private CategoryLabels() {}

  /** One label per value of the axis, in order. */
  static List<String> of(List<JsonNode> values) {
    List<String> labels = new ArrayList<>();
    Set<String> differing = differingKeys(values);
    for (JsonNode v : values) {
      labels.add(cut(differing == null ? ComparisonTable.label(v) : differences(v, differing)));
    }
    return distinct(labels);
  }

  /**
   * The keys whose values are not the same in every value (absent counts as a value), in first-seen order;
   * null unless there are two or more values, all JSON objects, and some key differs.
   */
  private static Set<String> differingKeys(List<JsonNode> values) {
    if (values.size() < 2 || !values.stream().allMatch(JsonNode::isObject)) {
      return null;
    }
    Set<String> keys = new LinkedHashSet<>();
    values.forEach(v -> v.fieldNames().forEachRemaining(keys::add));
    keys.removeIf(k -> values.stream().allMatch(v -> Objects.equals(v.get(k), values.get(0).get(k))));
    return keys.isEmpty() ? null : keys;
  }

  /** "key=value" for each differing key, "key=-" where this value lacks it. */
  private static String differences(JsonNode v, Set<String> keys) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      JsonNode x = v.get(k);
      parts.add(k + "=" + (x == null ? "-" : ComparisonTable.label(x)));
    }
    return String.join(", ", parts);
  }

  private static String cut(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
  }

  /** Labels made distinct, where cutting made two equal, by their position: "2: ...". */
  private static List<String> distinct(List<String> labels) {
    if (new HashSet<>(labels).size() == labels.size()) {
      return labels;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String prefix = (i + 1) + ": ";
      String s = labels.get(i);
      out.add(prefix + (s.length() + prefix.length() <= MAX ? s : s.substring(0, MAX - prefix.length() - 1) + "…"));
    }
    return out;
  }
}

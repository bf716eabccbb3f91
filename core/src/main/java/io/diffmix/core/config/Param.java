package io.diffmix.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of a plugin: its name, kind, default, description and valid range.
 *
 * <p>Plugins declare their parameters once, and the same declarations drive strict parsing, the resolved
 * config in provenance, and {@code diffmix plugins}:
 *
 * <pre>{@code
 * List.of(
 *     Param.real("kappa", 0.05, "step in VP time far from the data").greaterThan(0).lessThan(1),
 *     Param.integer("steps", "number of steps; solves for kappa when given").atLeast(1).orAuto(),
 *     Param.choice("covariance", "full", "covariance structure", "spherical", "diag", "full"));
 * }</pre>
 *
 * @param name the key in the plugin's JSON object
 * @param kind what JSON value it takes
 * @param defaultValue the default; {@code null} when the parameter is required
 * @param description one sentence for {@code diffmix plugins}
 * @param min lower bound of a numeric parameter ({@code -Infinity} for none)
 * @param minOpen whether {@code min} itself is excluded
 * @param max upper bound of a numeric parameter ({@code +Infinity} for none)
 * @param maxOpen whether {@code max} itself is excluded
 * @param choices the valid strings of a {@link Kind#CHOICE} parameter, or keywords a numeric one also takes
 *     (such as {@code "auto"})
 */
public record Param(
    String name,
    Kind kind,
    JsonNode defaultValue,
    String description,
    double min,
    boolean minOpen,
    double max,
    boolean maxOpen,
    List<String> choices) {

  /** The JSON value a parameter takes. */
  public enum Kind {
    REAL("a number"),
    INTEGER("an integer"),
    BOOLEAN("true or false"),
    CHOICE("one of the listed names"),
    TEXT("a string"),
    REAL_LIST("a list of numbers"),
    REAL_MATRIX("a list of lists of numbers");

    private final String expected;

    Kind(String expected) {
      this.expected = expected;
    }

    /** How an error message describes a valid value of this kind. */
    public String expected() {
      return expected;
    }
  }

  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final double INF = Double.POSITIVE_INFINITY;

  public static Param real(String name, double defaultValue, String description) {
    return new Param(name, Kind.REAL, JSON.numberNode(defaultValue), description, -INF, false, INF, false, List.of());
  }

  /** A number with no default: the user must give it. */
  public static Param real(String name, String description) {
    return new Param(name, Kind.REAL, null, description, -INF, false, INF, false, List.of());
  }

  public static Param integer(String name, long defaultValue, String description) {
    return new Param(name, Kind.INTEGER, JSON.numberNode(defaultValue), description, -INF, false, INF, false,
        List.of());
  }

  /** An integer with no default: the user must give it. */
  public static Param integer(String name, String description) {
    return new Param(name, Kind.INTEGER, null, description, -INF, false, INF, false, List.of());
  }

  public static Param bool(String name, boolean defaultValue, String description) {
    return new Param(name, Kind.BOOLEAN, JSON.booleanNode(defaultValue), description, -INF, false, INF, false,
        List.of());
  }

  public static Param choice(String name, String defaultValue, String description, String... choices) {
    if (!List.of(choices).contains(defaultValue)) {
      throw new IllegalArgumentException("default " + defaultValue + " is not among " + List.of(choices));
    }
    return new Param(name, Kind.CHOICE, JSON.textNode(defaultValue), description, -INF, false, INF, false,
        List.of(choices));
  }

  public static Param text(String name, String description) {
    return new Param(name, Kind.TEXT, null, description, -INF, false, INF, false, List.of());
  }

  public static Param text(String name, String defaultValue, String description) {
    return new Param(name, Kind.TEXT, JSON.textNode(defaultValue), description, -INF, false, INF, false, List.of());
  }

  /** A list of numbers with no default. */
  public static Param realList(String name, String description) {
    return new Param(name, Kind.REAL_LIST, null, description, -INF, false, INF, false, List.of());
  }

  /** A list of lists of numbers (one row per list) with no default. */
  public static Param realMatrix(String name, String description) {
    return new Param(name, Kind.REAL_MATRIX, null, description, -INF, false, INF, false, List.of());
  }

  public Param atLeast(double bound) {
    return new Param(name, kind, defaultValue, description, bound, false, max, maxOpen, choices);
  }

  public Param greaterThan(double bound) {
    return new Param(name, kind, defaultValue, description, bound, true, max, maxOpen, choices);
  }

  public Param atMost(double bound) {
    return new Param(name, kind, defaultValue, description, min, minOpen, bound, false, choices);
  }

  public Param lessThan(double bound) {
    return new Param(name, kind, defaultValue, description, min, minOpen, bound, true, choices);
  }

  /**
   * Lets the parameter be absent or {@code null}, meaning that the plugin derives its value (the default is
   * {@code null}, shown as "auto").
   */
  public Param orAuto() {
    return new Param(name, kind, NullNode.getInstance(), description, min, minOpen, max, maxOpen, choices);
  }

  /** Lets a numeric parameter also take one of these strings, such as {@code "auto"}. */
  public Param orKeyword(String... keywords) {
    return new Param(name, kind, defaultValue, description, min, minOpen, max, maxOpen, List.of(keywords));
  }

  /** Replaces the default with a string keyword, for a numeric parameter that also takes keywords. */
  public Param defaultKeyword(String keyword) {
    if (!choices.contains(keyword)) {
      throw new IllegalArgumentException(keyword + " is not a keyword of " + name);
    }
    return new Param(name, kind, JSON.textNode(keyword), description, min, minOpen, max, maxOpen, choices);
  }

  public boolean required() {
    return defaultValue == null;
  }

  /** The valid range or choices, as an error message and {@code diffmix plugins} show them. */
  public String validValues() {
    StringBuilder b = new StringBuilder();
    switch (kind) {
      case CHOICE -> b.append(String.join(", ", choices));
      case REAL, INTEGER, REAL_LIST, REAL_MATRIX -> {
        b.append(kind.expected());
        String range = range();
        if (!range.isEmpty()) {
          b.append(' ').append(range);
        }
        if (!choices.isEmpty()) {
          b.append(", or ").append(String.join(", ", choices));
        }
      }
      default -> b.append(kind.expected());
    }
    if (defaultValue != null && defaultValue.isNull()) {
      b.append(", or null for auto");
    }
    return b.toString();
  }

  private String range() {
    boolean hasMin = min != Double.NEGATIVE_INFINITY;
    boolean hasMax = max != Double.POSITIVE_INFINITY;
    String lo = hasMin ? (minOpen ? "> " : ">= ") + format(min) : "";
    String hi = hasMax ? (maxOpen ? "< " : "<= ") + format(max) : "";
    if (hasMin && hasMax) {
      return lo + " and " + hi;
    }
    return hasMin ? lo : hi;
  }

  private String format(double v) {
    if (kind == Kind.INTEGER && v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Whether a number lies in this parameter's range. */
  public boolean inRange(double v) {
    boolean aboveMin = minOpen ? v > min : v >= min;
    boolean belowMax = maxOpen ? v < max : v <= max;
    return aboveMin && belowMax;
  }
}

package io.diffmix.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict parsing of a plugin's JSON object against its declared {@link Param}s.
 *
 * <p>Like Lucene's analysis factories, it consumes the parameters it knows and fails on leftovers: an
 * unknown key, a value of the wrong type, or a number out of range is a {@link BadInputException} that names
 * the key and the valid choices.
 */
public final class ParamResolver {
  private ParamResolver() {}

  /**
   * Validates {@code json} and fills in defaults.
   *
   * @param family the plugin family, for messages ("sampler")
   * @param type the plugin's name
   * @param declared the plugin's parameters
   * @param json the user's object; its {@code type} key and any of {@code reservedKeys} are skipped
   * @param where where the object came from, such as {@code "run.json: sampler"}
   * @param reservedKeys keys that belong to the experiment rather than to the plugin (a sampler's
   *     {@code grid})
   */
  public static Params resolve(
      String family,
      String type,
      List<Param> declared,
      ObjectNode json,
      String where,
      Set<String> reservedKeys) {
    Map<String, Param> byName = new LinkedHashMap<>();
    for (Param p : declared) {
      byName.put(p.name(), p);
    }
    Set<String> given = new HashSet<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equals("type") || reservedKeys.contains(key)) {
        continue;
      }
      if (!byName.containsKey(key)) {
        List<String> valid = new ArrayList<>(byName.keySet());
        valid.addAll(reservedKeys);
        throw new BadInputException(where + ": unknown parameter '" + key + "' for " + family + " '" + type
            + "'; valid: " + (valid.isEmpty() ? "(none)" : String.join(", ", valid)));
      }
      given.add(key);
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (Param p : declared) {
      JsonNode v = json.get(p.name());
      if (v == null || (v.isNull() && !(p.defaultValue() != null && p.defaultValue().isNull()))) {
        if (p.required()) {
          throw new BadInputException(where + ": missing parameter '" + p.name() + "' for " + family + " '"
              + type + "' (" + p.validValues() + ": " + p.description() + ")");
        }
        if (v != null && v.isNull()) {
          throw new BadInputException(where + "." + p.name() + ": null is not valid; valid: " + p.validValues());
        }
        values.put(p.name(), p.defaultValue().deepCopy());
      } else {
        values.put(p.name(), check(p, v, where + "." + p.name()));
      }
    }
    return new Params(type, where, values, given);
  }

  /** Checks one value against its declaration and returns it in canonical form. */
  static JsonNode check(Param p, JsonNode v, String key) {
    if (v.isNull()) {
      return v;
    }
    switch (p.kind()) {
      case REAL, INTEGER -> {
        if (v.isTextual() && p.choices().contains(v.asText())) {
          return v;
        }
        checkNumber(p, v, key, "");
        return p.kind() == Param.Kind.INTEGER
            ? com.fasterxml.jackson.databind.node.LongNode.valueOf(v.asLong())
            : com.fasterxml.jackson.databind.node.DoubleNode.valueOf(v.asDouble());
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          throw wrongType(p, v, key);
        }
        return v;
      }
      case CHOICE -> {
        if (!v.isTextual() || !p.choices().contains(v.asText())) {
          throw new BadInputException(key + ": " + v + " is not valid; valid: " + String.join(", ", p.choices()));
        }
        return v;
      }
      case TEXT -> {
        if (!v.isTextual()) {
          throw wrongType(p, v, key);
        }
        return v;
      }
      case REAL_LIST -> {
        if (!v.isArray() || v.isEmpty()) {
          throw wrongType(p, v, key);
        }
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < v.size(); i++) {
          checkNumber(p, v.get(i), key, "[" + i + "]");
          out.add(v.get(i).asDouble());
        }
        return out;
      }
      case REAL_MATRIX -> {
        if (!v.isArray() || v.isEmpty()) {
          throw wrongType(p, v, key);
        }
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < v.size(); i++) {
          JsonNode row = v.get(i);
          if (!row.isArray() || row.isEmpty()) {
            throw new BadInputException(key + "[" + i + "]: expected a list of numbers, got " + abbreviate(row));
          }
          var r = out.addArray();
          for (int j = 0; j < row.size(); j++) {
            checkNumber(p, row.get(j), key, "[" + i + "][" + j + "]");
            r.add(row.get(j).asDouble());
          }
        }
        return out;
      }
      default -> throw new AssertionError(p.kind());
    }
  }

  private static void checkNumber(Param p, JsonNode v, String key, String index) {
    if (!v.isNumber()) {
      throw new BadInputException(key + index + ": expected " + (p.kind() == Param.Kind.INTEGER ? "an integer"
          : "a number") + ", got " + abbreviate(v) + "; valid: " + p.validValues());
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw new BadInputException(key + index + ": " + v + " is not finite; valid: " + p.validValues());
    }
    if (p.kind() == Param.Kind.INTEGER && !(v.isIntegralNumber() || d == Math.rint(d))) {
      throw new BadInputException(key + index + ": expected an integer, got " + v + "; valid: " + p.validValues());
    }
    if (!p.inRange(d)) {
      throw new BadInputException(key + index + ": " + v + " is out of range; valid: " + p.validValues());
    }
  }

  private static BadInputException wrongType(Param p, JsonNode v, String key) {
    return new BadInputException(key + ": expected " + p.kind().expected() + ", got " + abbreviate(v)
        + "; valid: " + p.validValues());
  }

  static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}

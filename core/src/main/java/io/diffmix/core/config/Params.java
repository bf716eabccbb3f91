package io.diffmix.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A plugin's parameters after strict validation, with every default filled in.
 *
 * <p>Built by {@link ParamResolver}; a plugin reads it in {@code configure} to build its immutable config
 * record. {@link #toJson()} is the resolved config that provenance records; resolving it again gives equal
 * params, so a run can be rebuilt from its report.
 */
public final class Params {
  private final String type;
  private final String where;
  private final Map<String, JsonNode> values;
  private final Set<String> given;

  Params(String type, String where, Map<String, JsonNode> values, Set<String> given) {
    this.type = type;
    this.where = where;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.given = Set.copyOf(given);
  }

  /** The plugin's name, the {@code type} of its JSON object. */
  public String type() {
    return type;
  }

  /** Where these params came from, such as {@code "quickstart.json: grid"}, for error messages. */
  public String where() {
    return where;
  }

  /** Whether the user gave this key, rather than its default filling it. */
  public boolean isGiven(String name) {
    return given.contains(name);
  }

  /** Whether the value is {@code null}: "auto", derived by the plugin. */
  public boolean isAuto(String name) {
    return node(name).isNull();
  }

  /** Whether the value is the given keyword string, for numeric parameters that take keywords. */
  public boolean isKeyword(String name, String keyword) {
    JsonNode n = node(name);
    return n.isTextual() && n.asText().equals(keyword);
  }

  public double real(String name) {
    return node(name).asDouble();
  }

  public int integer(String name) {
    return node(name).asInt();
  }

  public long longValue(String name) {
    return node(name).asLong();
  }

  public boolean bool(String name) {
    return node(name).asBoolean();
  }

  public String text(String name) {
    return node(name).asText();
  }

  public double[] realList(String name) {
    JsonNode n = node(name);
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asDouble();
    }
    return out;
  }

  public double[][] realMatrix(String name) {
    JsonNode n = node(name);
    double[][] out = new double[n.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = n.get(i);
      out[i] = new double[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = row.get(j).asDouble();
      }
    }
    return out;
  }

  /** The raw JSON value, for parameters with a structure of their own. */
  public JsonNode node(String name) {
    JsonNode n = values.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no parameter '" + name + "' declared for " + type);
    }
    return n;
  }

  /** An error about one of these params, naming where it came from. */
  public BadInputException error(String key, String problem) {
    return new BadInputException(where + "." + key + ": " + problem);
  }

  /** The resolved JSON object: {@code type} first, then every parameter in declaration order. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", type);
    values.forEach((k, v) -> o.set(k, v.deepCopy()));
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && p.type.equals(type) && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}

package io.diffmix.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code --set key=value} overrides on a config tree, applied in order.
 *
 * <ul>
 *   <li>The key is a dotted path of object keys: {@code learner.degree}.
 *   <li>The value is JSON when it parses as JSON ({@code metrics='["mmd"]'}), a string otherwise.
 *   <li>Setting a component's {@code type} replaces the whole component: {@code sampler.type=pf-heun} drops the
 *       old sampler's parameters, and later {@code --set}s apply to the new one.
 * </ul>
 */
public final class Overrides {
  private Overrides() {}

  /** Applies each {@code key=value} to {@code root} in place. */
  public static void apply(ObjectNode root, List<String> assignments) {
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("--set " + a + ": expected key=value, such as learner.degree=4");
      }
      set(root, a.substring(0, eq).trim(), Json.parseValue(a.substring(eq + 1)));
    }
  }

  /** Sets one dotted key. */
  public static void set(ObjectNode root, String key, JsonNode value) {
    String[] path = key.split("\\.", -1);
    ObjectNode node = root;
    for (int i = 0; i < path.length - 1; i++) {
      String part = path[i];
      if (part.isEmpty()) {
        throw new BadInputException("--set " + key + ": empty key segment");
      }
      JsonNode child = node.get(part);
      if (child == null || child.isNull()) {
        node = node.putObject(part);
      } else if (child.isTextual() && i == path.length - 2) {
        // a component given by name alone ("sampler": "pf-heun") becomes an object
        ObjectNode o = node.putObject(part);
        o.put("type", child.asText());
        node = o;
      } else if (child.isObject()) {
        node = (ObjectNode) child;
      } else {
        throw new BadInputException("--set " + key + ": '" + String.join(".", List.of(path).subList(0, i + 1))
            + "' is not an object");
      }
    }
    String last = path[path.length - 1];
    if (last.isEmpty()) {
      throw new BadInputException("--set " + key + ": empty key segment");
    }
    if (last.equals("type") && path.length > 1) {
      node.removeAll();
    }
    node.set(last, value);
  }
}

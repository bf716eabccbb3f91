package io.diffmix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.config.Overrides;
import java.nio.file.Path;
import java.util.List;

/** A config read from a file or a preset, with {@code --set} applied: what run and fit start from. */
record ConfigInput(String source, ObjectNode root) {

  static ConfigInput of(Path config, String preset, List<String> sets) {
    String source;
    JsonNode root;
    if (preset != null && config != null) {
      throw new BadInputException("give CONFIG.json or --preset, not both");
    } else if (preset != null) {
      source = "preset " + preset;
      root = Json.parse(Presets.read(preset), source);
    } else if (config != null) {
      source = config.toString();
      root = Json.read(config);
    } else {
      throw new BadInputException("give CONFIG.json or --preset NAME; presets: " + String.join(", ",
          Presets.NAMES));
    }
    if (!root.isObject()) {
      throw new BadInputException(source + ": expected a JSON object at the top level");
    }
    Overrides.apply((ObjectNode) root, sets);
    return new ConfigInput(source, (ObjectNode) root);
  }

  /** The config's own {@code "plugins"} folder, if any. */
  Path pluginsKey() {
    JsonNode p = root.get("plugins");
    return p != null && p.isTextual() ? Path.of(p.asText()) : null;
  }
}

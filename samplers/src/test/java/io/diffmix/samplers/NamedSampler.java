package io.diffmix.samplers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.testkit.SamplerContract;

/** Builds a sampler from its JSON config through the registry, as the CLI does. Not a test itself. */
final class NamedSampler extends SamplerContract {
  private final String name;

  private NamedSampler(String name) {
    this.name = name;
  }

  @Override
  protected String name() {
    return name;
  }

  /** The sampler of a config such as {@code {"type": "ddim", "eta": 1}}. */
  static Sampler of(String json) {
    ObjectNode config = (ObjectNode) Json.parse(json, "test");
    return new NamedSampler(config.get("type").asText()).create(config);
  }
}

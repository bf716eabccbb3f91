package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {
  @Test
  void jsonListsEveryFamilyWithParametersDefaultsDescriptionsAndJars() {
    Cli r = Cli.run("plugins", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = Json.parse(r.out(), "plugins --json");
    List<String> families = new ArrayList<>();
    all.fieldNames().forEachRemaining(families::add);
    assertThat(families).containsExactly("target", "schedule", "grid", "learner", "sampler", "metric");
    for (JsonNode family : all) {
      assertThat(family.size()).isPositive();
      for (JsonNode plugin : family) {
        assertThat(plugin.get("description").asText()).isNotBlank();
        assertThat(plugin.get("source").asText()).isNotEqualTo("unknown");
        for (JsonNode p : plugin.get("params")) {
          assertThat(p.has("default") || p.has("required")).isTrue();
          assertThat(p.get("description").asText()).isNotBlank();
          assertThat(p.get("valid").asText()).isNotBlank();
        }
      }
    }
    JsonNode paper = all.get("grid").get(0);
    assertThat(paper.get("name").asText()).isEqualTo("paper");
    assertThat(paper.get("params").get(0).get("name").asText()).isEqualTo("kappa");
    assertThat(paper.get("params").get(0).get("description").asText()).contains("null: 0.05");
    assertThat(paper.get("params").get(2).get("default").asDouble()).isEqualTo(1e-3);
  }

  @Test
  void textListsTheSameNames() {
    Cli r = Cli.run("plugins");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("sampler:").contains("paper-ve").contains("t1 = default 0.001");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"run", "demo", "plugins"}) {
      Cli r = Cli.run(cmd, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: diffmix " + cmd);
    }
  }
}

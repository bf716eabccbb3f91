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
    JsonNode paper = named(all.get("grid"), "paper");
    assertThat(paper.get("name").asText()).isEqualTo("paper");
    assertThat(paper.get("params").get(0).get("name").asText()).isEqualTo("kappa");
    assertThat(paper.get("params").get(0).get("description").asText()).contains("null: 0.05");
    assertThat(paper.get("params").get(2).get("default").asDouble()).isEqualTo(1e-3);
  }

  /** Every built-in learner states its fewest training rows, which run and fit enforce before any work. */
  @Test
  void learnersStateTheirMinimumTrainRows() {
    JsonNode all = Json.parse(Cli.run("plugins", "--json").out(), "plugins --json");
    for (JsonNode learner : all.get("learner")) {
      assertThat(learner.get("min_train_rows").asInt()).as(learner.get("name").asText()).isGreaterThanOrEqualTo(2);
      assertThat(learner.get("min_train_rows_reason").asText()).isNotBlank();
    }
    assertThat(named(all.get("learner"), "piecewise-polynomial").get("min_train_rows").asInt()).isEqualTo(6);
    assertThat(Cli.run("plugins").out()).contains("train: at least 6 rows with the default parameters (a warm start");
  }

  /** Issue 4, acceptance 1: all 5 schedules, 5 grids and 10 samplers, each with its parameters. */
  @Test
  void listsTheWholeDesignSpace() {
    Cli r = Cli.run("plugins", "--json");
    JsonNode all = Json.parse(r.out(), "plugins --json");
    assertThat(names(all.get("schedule"))).contains("ve", "vp", "vp-linear", "vp-cosine", "edm");
    assertThat(names(all.get("grid"))).contains("paper", "uniform", "log-snr", "karras", "list");
    assertThat(names(all.get("sampler"))).contains("paper-ve", "euler-maruyama", "exp-integrator", "pf-euler",
        "pf-heun", "pf-rk4", "ddim", "dpm-solver++2m", "pc-langevin", "edm-stochastic");
    for (String grid : new String[] {"paper", "uniform", "log-snr", "karras", "list"}) {
      assertThat(paramNames(named(all.get("grid"), grid))).as(grid).contains("steps");
    }
    assertThat(paramNames(named(all.get("grid"), "karras"))).contains("sigma_min", "sigma_max", "rho");
    assertThat(paramNames(named(all.get("sampler"), "ddim"))).containsExactly("eta");
    assertThat(paramNames(named(all.get("sampler"), "pc-langevin"))).contains("snr");
    assertThat(paramNames(named(all.get("sampler"), "edm-stochastic")))
        .containsExactly("s_churn", "s_tmin", "s_tmax", "s_noise");
    assertThat(paramNames(named(all.get("sampler"), "dpm-solver++2m"))).containsExactly("lower_order_final");
  }

  private static JsonNode named(JsonNode family, String name) {
    for (JsonNode p : family) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError(name + " not listed");
  }

  private static List<String> names(JsonNode family) {
    List<String> out = new ArrayList<>();
    family.forEach(p -> out.add(p.get("name").asText()));
    return out;
  }

  private static List<String> paramNames(JsonNode plugin) {
    List<String> out = new ArrayList<>();
    plugin.get("params").forEach(p -> out.add(p.get("name").asText()));
    return out;
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

package io.diffmix.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.CorePlugin;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Params;
import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

  /** A metric called "mmd", as a third-party jar might ship by mistake. */
  static final class ClashingPlugin implements DiffmixPlugin {
    @Override
    public Collection<MetricFactory<?>> metrics() {
      return List.of(new MetricFactory<Record>() {
        record None() {}

        public String name() {
          return "mmd";
        }

        public String description() {
          return "a second mmd";
        }

        public Record configure(Params p) {
          return new None();
        }

        public Metric create(Record c) {
          throw new UnsupportedOperationException();
        }
      });
    }
  }

  @Test
  void duplicateNamesFailNamingBothSources() {
    List<LoadedPlugin> plugins = List.of(
        new LoadedPlugin(new CorePlugin(), "diffmix-core.jar", "1"),
        new LoadedPlugin(new ClashingPlugin(), "third-party.jar", "2"));
    assertThatThrownBy(() -> Registry.of(plugins))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("duplicate metric 'mmd'")
        .hasMessageContaining("diffmix-core.jar")
        .hasMessageContaining("third-party.jar");
  }

  @Test
  void unknownNamesListTheAvailableOnes() {
    Registry r = Registry.of(List.of(new LoadedPlugin(new CorePlugin(), "diffmix-core.jar", "1")));
    assertThatThrownBy(() -> r.forName(Family.METRIC, "mdm"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown metric 'mdm'")
        .hasMessageContaining("available: " + String.join(", ", r.availableNames(Family.METRIC)))
        .hasMessageContaining("mixture-recovery, mmd")
        .hasMessageContaining("plugins/");
  }

  @Test
  void serviceLoaderFindsCoresOwnPluginsAndTheirSource() {
    List<String> warnings = new ArrayList<>();
    Registry r = Registry.load(List.of(), warnings::add);
    assertThat(warnings).isEmpty();
    assertThat(r.availableNames(Family.TARGET)).contains("gaussian-mixture", "random-mixture");
    MetricFactory<?> mmd = r.forName(Family.METRIC, "mmd");
    assertThat(r.originOf(mmd).plugin()).isInstanceOf(CorePlugin.class);
  }

  @Test
  void namesAreLowerCaseLettersDigitsHyphensAndPlus() {
    assertThat(Registry.isValidName("dpm-solver++2m")).isTrue();
    assertThat(Registry.isValidName("PF-Heun")).isFalse();
    assertThat(Registry.isValidName("pf heun")).isFalse();
    assertThat(Registry.isValidName("")).isFalse();
  }
}

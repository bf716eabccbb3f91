package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.ParamResolver;
import io.diffmix.core.config.Params;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.PluginFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every plugin keeps, whatever its family. A plugin's test extends the family's subclass
 * ({@link SamplerContract}, {@link GridContract}, …), like Lucene's {@code BasePostingsFormatTestCase}:
 *
 * <pre>{@code
 * class PfHeunContractTest extends SamplerContract {
 *   protected String name() { return "pf-heun"; }
 * }
 * }</pre>
 *
 * @param <F> the family's factory type
 */
public abstract class PluginContract<F extends PluginFactory<?, ?>> {
  private static final List<String> WARNINGS = new ArrayList<>();
  private static Registry registry;

  protected abstract Family<F> family();

  /** The plugin's registered name. */
  protected abstract String name();

  /** A config that exercises the plugin; {@code {"type": name}} unless required parameters need values. */
  protected ObjectNode exampleConfig() {
    return JsonNodeFactory.instance.objectNode().put("type", name());
  }

  /** The registry of everything on the test classpath, loaded through ServiceLoader as the CLI loads it. */
  protected static synchronized Registry registry() {
    if (registry == null) {
      registry = Registry.load(List.of(), WARNINGS::add);
    }
    return registry;
  }

  protected F factory() {
    return registry().forName(family(), name());
  }

  /** Validated params of a config for this plugin. */
  protected Params resolve(ObjectNode config) {
    F f = factory();
    return ParamResolver.resolve(family().name(), f.name(), f.params(), config, "test: " + family(), Set.of());
  }

  /** Creates the component from a config. */
  @SuppressWarnings("unchecked")
  protected <T> T create(ObjectNode config) {
    PluginFactory<Record, T> f = (PluginFactory<Record, T>) factory();
    return f.create(f.configure(resolve(config)));
  }

  @Test
  void loadsByNameThroughServiceLoader() {
    assertThat(WARNINGS).isEmpty();
    F f = factory();
    assertThat(f.name()).isEqualTo(name());
    assertThat(Registry.isValidName(f.name())).isTrue();
    assertThat(registry().availableNames(family())).contains(name());
    assertThat(registry().originOf(f)).isNotNull();
  }

  @Test
  void configRoundTripsThroughItsResolvedJson() {
    Params first = resolve(exampleConfig());
    Record config = factory().configure(first);
    Params again = resolve(first.toJson());
    assertThat(again.toJson()).isEqualTo(first.toJson());
    assertThat(factory().configure(again)).isEqualTo(config);
  }

  @Test
  void everyParameterIsDocumented() {
    assertThat(factory().description()).isNotBlank();
    for (Param p : factory().params()) {
      assertThat(p.description()).as(p.name()).isNotBlank();
      assertThat(p.name()).as(p.name()).matches("[a-z][a-z0-9_]*");
    }
  }

  @Test
  void unknownParameterIsRejectedNamingTheValidOnes() {
    ObjectNode bad = exampleConfig().deepCopy().put("no_such_parameter", 1);
    assertThatThrownBy(() -> resolve(bad))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no_such_parameter")
        .hasMessageContaining("valid:");
  }

  @Test
  void createsItsComponent() {
    Object component = create(exampleConfig());
    assertThat(component).isNotNull();
  }
}

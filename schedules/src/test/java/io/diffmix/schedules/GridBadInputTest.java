package io.diffmix.schedules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.testkit.GridContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad grid configs fail at the boundary with one line naming the key and the valid values. */
class GridBadInputTest {

  /** Any grid's factory, through the registry as the CLI finds it. */
  private static final class AnyGrid extends GridContract {
    private final String name;

    AnyGrid(String name) {
      this.name = name;
    }

    @Override
    protected String name() {
      return name;
    }

    Object build(ObjectNode config) {
      return create(config);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      non-decreasing list | {"type": "list", "times": [1.0, 0.5, 0.5]}        | times[2] = 0.5 does not decrease
      increasing list     | {"type": "list", "times": [0.1, 0.5]}             | valid: strictly decreasing times
      list t1 = 0         | {"type": "list", "times": [1.0, 0.0]}             | valid: times > 0 (t1 > 0)
      list t1 < 0         | {"type": "list", "times": [1.0, -0.1]}            | is not positive
      list steps mismatch | {"type": "list", "times": [1.0, 0.1], "steps": 3} | valid: 1 or null
      one time            | {"type": "list", "times": [1.0]}                  | valid: at least 2
      paper t1 = 0        | {"type": "paper", "t1": 0}                        | t1: 0 is out of range; valid: a number > 0.0
      uniform t1 < 0      | {"type": "uniform", "t1": -1}                     | t1: -1 is out of range
      log-snr steps 0     | {"type": "log-snr", "steps": 0}                   | steps: 0 is out of range; valid: an integer >= 1
      karras steps 0      | {"type": "karras", "steps": 0}                    | steps: 0 is out of range
      paper steps 0       | {"type": "paper", "steps": 0}                     | steps: 0 is out of range
      karras reversed     | {"type": "karras", "sigma_min": 10, "sigma_max": 1} | sigma_max: 1.0 is not above sigma_min
      uniform reversed    | {"type": "uniform", "t1": 10, "t_max": 1}         | t_max: 1.0 is not above t1
      """)
  void isRejectedWithOneLine(String what, String json, String message) {
    ObjectNode config = (ObjectNode) Json.parse(json, "test");
    AnyGrid grid = new AnyGrid(config.get("type").asText());
    assertThatThrownBy(() -> grid.build(config))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(message)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
  }
}

package io.diffmix.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {
  private ObjectNode config() {
    return (ObjectNode) Json.parse("{\"sampler\": {\"type\": \"paper-ve\", \"snr\": 0.1},"
        + " \"learner\": {\"type\": \"x\", \"degree\": 3}, \"grid\": \"paper\"}", "t.json");
  }

  @Test
  void aValueIsJsonWhenItParsesAndAStringOtherwise() {
    ObjectNode c = config();
    Overrides.apply(c, List.of("learner.degree=4", "learner.name=abc", "metrics=[\"mmd\"]", "learner.auto=auto"));
    assertThat(c.at("/learner/degree").asInt()).isEqualTo(4);
    assertThat(c.at("/learner/name").asText()).isEqualTo("abc");
    assertThat(c.get("metrics").isArray()).isTrue();
    assertThat(c.at("/learner/auto").isTextual()).isTrue();
  }

  @Test
  void settingATypeReplacesTheComponentAndLaterSetsApplyToTheNewOne() {
    ObjectNode c = config();
    Overrides.apply(c, List.of("sampler.type=pf-heun", "sampler.order=2"));
    assertThat(c.get("sampler").toString()).isEqualTo("{\"type\":\"pf-heun\",\"order\":2}");
  }

  @Test
  void aComponentGivenByNameBecomesAnObject() {
    ObjectNode c = config();
    Overrides.apply(c, List.of("grid.kappa=0.01"));
    assertThat(c.get("grid").toString()).isEqualTo("{\"type\":\"paper\",\"kappa\":0.01}");
  }

  @Test
  void nanIsAStringAndSoFailsATypeCheckLater() {
    ObjectNode c = config();
    Overrides.apply(c, List.of("learner.ridge=NaN"));
    assertThat(c.at("/learner/ridge").isTextual()).isTrue();
  }

  @Test
  void malformedAssignmentsAreBadInput() {
    assertThatThrownBy(() -> Overrides.apply(config(), List.of("learner.degree")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("key=value");
    assertThatThrownBy(() -> Overrides.apply(config(), List.of("learner.degree.x=1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("not an object");
  }

  @Test
  void malformedJsonNamesTheFileAndPosition() {
    assertThatThrownBy(() -> Json.parse("{\n  \"seed\": 7,\n  \"train\": ,\n}", "bad.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("bad.json: malformed JSON at line 3, column");
    assertThatThrownBy(() -> Json.parse("{\"a\": NaN}", "nan.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("nan.json: malformed JSON at line 1");
    assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}", "dup.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Duplicate field 'a'");
  }
}

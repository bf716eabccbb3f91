package io.diffmix.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.StringLength;

/** Strict parsing, as properties over random JSON objects. */
class ParamResolverPropertiesTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<Param> DECLARED = List.of(
      Param.real("kappa", 0.05, "step").greaterThan(0).lessThan(1),
      Param.integer("steps", "steps").atLeast(1).orAuto(),
      Param.bool("flag", false, "a switch"),
      Param.choice("covariance", "full", "structure", "spherical", "diag", "full"),
      Param.realList("weights", "weights").atLeast(0),
      Param.integer("degree", 3, "degree").atLeast(0).atMost(12).orKeyword("auto"));

  private static Params resolve(ObjectNode o) {
    return ParamResolver.resolve("learner", "test", DECLARED, o, "c.json: learner", Set.of());
  }

  private static ObjectNode minimal() {
    ObjectNode o = JSON.objectNode().put("type", "test");
    o.putArray("weights").add(1.0);
    return o;
  }

  @Property
  void anUnknownKeyIsNamedWithTheValidOnes(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String key) {
    Assume.that(DECLARED.stream().noneMatch(p -> p.name().equals(key)) && !key.equals("type"));
    ObjectNode o = minimal().put(key, 1);
    assertThatThrownBy(() -> resolve(o))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("c.json: learner")
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining("valid: kappa, steps, flag, covariance, weights, degree");
  }

  @Property
  void aNumberInRangeIsAcceptedAndRoundTrips(
      @ForAll @DoubleRange(min = 1e-9, max = 0.999999) @Scale(15) double kappa, @ForAll("degrees") Object degree) {
    ObjectNode o = minimal().put("kappa", kappa);
    if (degree instanceof Integer d) {
      o.put("degree", d);
    } else {
      o.put("degree", (String) degree);
    }
    Params p = resolve(o);
    assertThat(p.real("kappa")).isEqualTo(kappa);
    assertThat(resolve(p.toJson())).isEqualTo(p);
    assertThat(resolve(p.toJson()).toJson()).isEqualTo(p.toJson());
  }

  @Provide
  Arbitrary<Object> degrees() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 12).map(i -> (Object) i),
        Arbitraries.just("auto"));
  }

  @Property
  void aNumberOutOfRangeIsRejectedWithTheRange(@ForAll double kappa) {
    Assume.that(!(kappa > 0 && kappa < 1));
    ObjectNode o = minimal().put("kappa", kappa);
    assertThatThrownBy(() -> resolve(o))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("c.json: learner.kappa")
        .hasMessageContaining("valid: a number > 0.0 and < 1.0");
  }

  @Property
  void aWrongTypeIsRejected(@ForAll("notNumbers") Object value) {
    ObjectNode o = minimal();
    o.set("kappa", io.diffmix.core.config.Json.MAPPER.valueToTree(value));
    assertThatThrownBy(() -> resolve(o))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("learner.kappa: expected a number");
  }

  @Provide
  Arbitrary<Object> notNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.integers().list().ofMaxSize(3).map(l -> (Object) l));
  }

  @Property
  void aChoiceOutsideTheListNamesTheChoices(@ForAll @StringLength(max = 10) String choice) {
    Assume.that(!List.of("spherical", "diag", "full").contains(choice));
    ObjectNode o = minimal().put("covariance", choice);
    assertThatThrownBy(() -> resolve(o))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("valid: spherical, diag, full");
  }

  @Property
  void negativeListEntriesAreRejectedAtTheirIndex(@ForAll @DoubleRange(min = -1e6, max = -1e-12) @Scale(15) double w) {
    ObjectNode o = minimal();
    o.putArray("weights").add(0.5).add(w);
    assertThatThrownBy(() -> resolve(o))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("learner.weights[1]");
  }

  @Property
  void defaultsFillWhatIsNotGiven(@ForAll boolean flag) {
    Params p = resolve(minimal().put("flag", flag));
    assertThat(p.bool("flag")).isEqualTo(flag);
    assertThat(p.real("kappa")).isEqualTo(0.05);
    assertThat(p.isAuto("steps")).isTrue();
    assertThat(p.isGiven("flag")).isTrue();
    assertThat(p.isGiven("kappa")).isFalse();
  }

  @Property(tries = 50)
  void aMissingRequiredParameterIsNamed(@ForAll boolean flag) {
    ObjectNode o = JSON.objectNode().put("type", "test").put("flag", flag);
    assertThatThrownBy(() -> resolve(o))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("missing parameter 'weights'");
  }
}

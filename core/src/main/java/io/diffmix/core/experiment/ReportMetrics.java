package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import java.util.Map;

/**
 * The {@code metrics} block of report.json: one object per metric, keyed by its name with {@code -} written
 * as {@code _}, each value beside its floor.
 */
public final class ReportMetrics {
  private ReportMetrics() {}

  public static ObjectNode toJson(Map<String, MetricSuite.Outcome> outcomes, Map<String, MetricSuite.Floor> floors) {
    ObjectNode all = JsonNodeFactory.instance.objectNode();
    outcomes.forEach((name, outcome) -> {
      ObjectNode m = all.putObject(key(name));
      if (outcome.skipped() != null) {
        m.put("skipped", outcome.skipped());
        return;
      }
      outcome.result().values().forEach(m::put);
      MetricSuite.Floor floor = floors.get(name);
      if (floor != null) {
        String primary = outcome.primaryField();
        floor.byField().forEach((field, ms) -> {
          if (field.equals(primary)) {
            m.put("floor", ms[0]);
            m.put("floor_sd", ms[1]);
          } else if (!field.equals("bandwidth")) {
            m.put(field + "_floor", ms[0]);
            m.put(field + "_floor_sd", ms[1]);
          }
        });
        m.put("floor_pairs", floor.pairs());
        m.putArray("floor_sizes").add(floor.sizeA()).add(floor.sizeB());
      }
      outcome.result().details().forEach((k, v) -> m.set(k, Json.MAPPER.valueToTree(v)));
    });
    return all;
  }

  /** Report keys are plugin names with {@code -} written as {@code _}. */
  static String key(String metricName) {
    return metricName.replace('-', '_');
  }
}

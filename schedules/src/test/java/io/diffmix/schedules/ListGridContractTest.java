package io.diffmix.schedules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.testkit.GridContract;

class ListGridContractTest extends GridContract {
  @Override
  protected String name() {
    return "list";
  }

  @Override
  protected ObjectNode exampleConfig() {
    return withSteps(4);
  }

  /** steps + 1 times, geometric from 2 down to 1e-3: inside both VE's and VP's ranges. */
  @Override
  protected ObjectNode withSteps(int steps) {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("type", "list");
    ArrayNode t = o.putArray("times");
    for (int i = 0; i <= steps; i++) {
      t.add(2 * Math.pow(5e-4, (double) i / steps));
    }
    return o.put("steps", steps);
  }
}

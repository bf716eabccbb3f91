package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of a grid's rows failed, split by whether the grid's {@code expected_failures} names their cell: only
 * the unexpected ones make {@code compare} exit 1.
 */
public record ComparisonFailures(int expected, int unexpected) {

  public static ComparisonFailures of(ComparisonGrid grid, List<ObjectNode> rows) {
    Map<String, ComparisonGrid.Cell> cells = new HashMap<>();
    for (ComparisonGrid.Cell c : grid.cells()) {
      cells.put(c.json().toString(), c);
    }
    int expected = 0;
    int unexpected = 0;
    for (ObjectNode row : rows) {
      if ("ok".equals(row.path("status").asText())) {
        continue;
      }
      ComparisonGrid.Cell cell = cells.get(row.path("cell").toString());
      if (cell != null && grid.expectedToFail(cell)) {
        expected++;
      } else {
        unexpected++;
      }
    }
    return new ComparisonFailures(expected, unexpected);
  }
}

package org.example.diffmix;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.testkit.MetricContract;
import org.junit.jupiter.api.Test;

/** The kit's metric contract: loads by name, documented parameters, finite, the same for 1 or 2 threads. */
class MomentErrorMetricContractTest extends MetricContract {
  @Override
  protected String name() {
    return "moment-error";
  }

  /**
   * The fields in the order the metric writes them, in every JVM: compare's table.csv has its columns in this
   * order, so a Map.of here (whose order is drawn anew by each JVM) gives one table per run or executor.
   */
  @Test
  void fieldsInTheOrderWritten() {
    assertThat(evaluate(1).values().keySet()).containsExactly("mean_error", "cov_error");
  }
}

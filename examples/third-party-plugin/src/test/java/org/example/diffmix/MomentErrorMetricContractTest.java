package org.example.diffmix;

import io.diffmix.core.testkit.MetricContract;

/** The kit's metric contract: loads by name, documented parameters, finite, the same for 1 or 2 threads. */
class MomentErrorMetricContractTest extends MetricContract {
  @Override
  protected String name() {
    return "moment-error";
  }
}

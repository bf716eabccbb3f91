package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class C2stContractTest extends MetricContract {
  @Override
  protected String name() {
    return "c2st";
  }
}

package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class MmdContractTest extends MetricContract {
  @Override
  protected String name() {
    return "mmd";
  }
}

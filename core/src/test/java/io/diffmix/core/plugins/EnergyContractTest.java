package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class EnergyContractTest extends MetricContract {
  @Override
  protected String name() {
    return "energy";
  }
}

package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class MixtureRecoveryContractTest extends MetricContract {
  @Override
  protected String name() {
    return "mixture-recovery";
  }
}

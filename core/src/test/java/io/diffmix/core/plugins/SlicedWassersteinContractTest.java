package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class SlicedWassersteinContractTest extends MetricContract {
  @Override
  protected String name() {
    return "sliced-wasserstein";
  }
}

package io.diffmix.core.plugins;

import io.diffmix.core.testkit.TargetContract;

class SphereTargetContractTest extends TargetContract {
  @Override
  protected String name() {
    return "sphere";
  }
}

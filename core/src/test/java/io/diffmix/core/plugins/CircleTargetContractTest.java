package io.diffmix.core.plugins;

import io.diffmix.core.testkit.TargetContract;

class CircleTargetContractTest extends TargetContract {
  @Override
  protected String name() {
    return "circle";
  }
}

package io.diffmix.core.plugins;

import io.diffmix.core.testkit.TargetContract;

class BallsTargetContractTest extends TargetContract {
  @Override
  protected String name() {
    return "balls";
  }
}

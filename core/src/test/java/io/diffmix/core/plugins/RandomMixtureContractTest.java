package io.diffmix.core.plugins;

import io.diffmix.core.testkit.TargetContract;

class RandomMixtureContractTest extends TargetContract {
  @Override
  protected String name() {
    return "random-mixture";
  }
}

package io.diffmix.regression;

import io.diffmix.core.testkit.LearnerContract;

class KernelRidgeContractTest extends LearnerContract {
  @Override
  protected String name() {
    return "kernel-ridge";
  }
}

package io.diffmix.regression;

import io.diffmix.core.testkit.LearnerContract;

class EmGmmContractTest extends LearnerContract {
  @Override
  protected String name() {
    return "em-gmm";
  }
}

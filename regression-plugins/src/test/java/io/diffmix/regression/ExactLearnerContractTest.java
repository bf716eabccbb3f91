package io.diffmix.regression;

import io.diffmix.core.testkit.LearnerContract;

class ExactLearnerContractTest extends LearnerContract {
  @Override
  protected String name() {
    return "exact";
  }
}

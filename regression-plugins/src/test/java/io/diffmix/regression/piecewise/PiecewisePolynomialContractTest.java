package io.diffmix.regression.piecewise;

import io.diffmix.core.testkit.LearnerContract;

class PiecewisePolynomialContractTest extends LearnerContract {
  @Override
  protected String name() {
    return "piecewise-polynomial";
  }
}

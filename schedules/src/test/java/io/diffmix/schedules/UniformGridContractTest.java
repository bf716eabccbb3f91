package io.diffmix.schedules;

import io.diffmix.core.testkit.GridContract;

class UniformGridContractTest extends GridContract {
  @Override
  protected String name() {
    return "uniform";
  }
}

package io.diffmix.schedules;

import io.diffmix.core.testkit.GridContract;

class PaperGridContractTest extends GridContract {
  @Override
  protected String name() {
    return "paper";
  }
}

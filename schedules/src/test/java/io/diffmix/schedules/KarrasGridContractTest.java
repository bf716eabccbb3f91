package io.diffmix.schedules;

import io.diffmix.core.testkit.GridContract;

class KarrasGridContractTest extends GridContract {
  @Override
  protected String name() {
    return "karras";
  }
}

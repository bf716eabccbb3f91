package io.diffmix.schedules;

import io.diffmix.core.testkit.GridContract;

class LogSnrGridContractTest extends GridContract {
  @Override
  protected String name() {
    return "log-snr";
  }
}

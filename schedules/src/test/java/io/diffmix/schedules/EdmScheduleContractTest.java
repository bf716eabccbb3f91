package io.diffmix.schedules;

import io.diffmix.core.testkit.SchedulePrecisionContract;

class EdmScheduleContractTest extends SchedulePrecisionContract {
  @Override
  protected String name() {
    return "edm";
  }
}

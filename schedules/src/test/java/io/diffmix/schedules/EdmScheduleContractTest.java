package io.diffmix.schedules;

import io.diffmix.core.testkit.ScheduleContract;

class EdmScheduleContractTest extends ScheduleContract {
  @Override
  protected String name() {
    return "edm";
  }
}

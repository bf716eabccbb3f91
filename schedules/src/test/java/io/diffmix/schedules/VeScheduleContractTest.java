package io.diffmix.schedules;

import io.diffmix.core.testkit.ScheduleContract;

class VeScheduleContractTest extends ScheduleContract {
  @Override
  protected String name() {
    return "ve";
  }
}

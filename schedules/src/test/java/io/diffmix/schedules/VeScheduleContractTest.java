package io.diffmix.schedules;

import io.diffmix.core.testkit.SchedulePrecisionContract;

class VeScheduleContractTest extends SchedulePrecisionContract {
  @Override
  protected String name() {
    return "ve";
  }
}

package io.diffmix.schedules;

import io.diffmix.core.testkit.SchedulePrecisionContract;

class VpScheduleContractTest extends SchedulePrecisionContract {
  @Override
  protected String name() {
    return "vp";
  }
}

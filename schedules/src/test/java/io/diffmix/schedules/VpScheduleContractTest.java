package io.diffmix.schedules;

import io.diffmix.core.testkit.ScheduleContract;

class VpScheduleContractTest extends ScheduleContract {
  @Override
  protected String name() {
    return "vp";
  }
}

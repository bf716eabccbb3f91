package io.diffmix.schedules;

import io.diffmix.core.testkit.ScheduleContract;

class VpLinearScheduleContractTest extends ScheduleContract {
  @Override
  protected String name() {
    return "vp-linear";
  }
}

package io.diffmix.schedules;

import io.diffmix.core.testkit.SchedulePrecisionContract;

class VpLinearScheduleContractTest extends SchedulePrecisionContract {
  @Override
  protected String name() {
    return "vp-linear";
  }
}

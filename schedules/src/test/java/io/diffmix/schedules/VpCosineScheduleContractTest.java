package io.diffmix.schedules;

import io.diffmix.core.testkit.SchedulePrecisionContract;

class VpCosineScheduleContractTest extends SchedulePrecisionContract {
  @Override
  protected String name() {
    return "vp-cosine";
  }
}

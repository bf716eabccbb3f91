package io.diffmix.schedules;

import io.diffmix.core.testkit.ScheduleContract;

class VpCosineScheduleContractTest extends ScheduleContract {
  @Override
  protected String name() {
    return "vp-cosine";
  }
}

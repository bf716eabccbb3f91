package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class PaperVeSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "paper-ve";
  }
}

package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class PcLangevinSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "pc-langevin";
  }
}

package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class PfEulerSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "pf-euler";
  }
}

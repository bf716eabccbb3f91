package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class PfHeunSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "pf-heun";
  }
}

package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class PfRk4SamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "pf-rk4";
  }
}

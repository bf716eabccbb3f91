package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class ExpIntegratorSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "exp-integrator";
  }
}

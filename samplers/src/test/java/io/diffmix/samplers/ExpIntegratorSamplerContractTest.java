package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class ExpIntegratorSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "exp-integrator";
  }
}

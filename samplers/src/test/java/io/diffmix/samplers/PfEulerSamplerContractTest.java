package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class PfEulerSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "pf-euler";
  }
}

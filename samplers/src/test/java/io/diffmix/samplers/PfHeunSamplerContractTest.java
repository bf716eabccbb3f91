package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class PfHeunSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "pf-heun";
  }
}

package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class PfRk4SamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "pf-rk4";
  }
}

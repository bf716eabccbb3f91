package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class DdimSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "ddim";
  }
}

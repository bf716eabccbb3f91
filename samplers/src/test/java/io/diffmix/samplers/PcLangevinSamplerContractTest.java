package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class PcLangevinSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "pc-langevin";
  }
}

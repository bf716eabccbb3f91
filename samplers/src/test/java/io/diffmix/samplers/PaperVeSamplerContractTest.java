package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class PaperVeSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "paper-ve";
  }
}

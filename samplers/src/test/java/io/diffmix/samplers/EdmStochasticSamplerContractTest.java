package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class EdmStochasticSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "edm-stochastic";
  }
}

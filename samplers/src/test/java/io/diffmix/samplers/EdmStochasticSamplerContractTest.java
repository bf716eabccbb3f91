package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class EdmStochasticSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "edm-stochastic";
  }
}

package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class DpmSolverPlusPlus2mSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "dpm-solver++2m";
  }
}

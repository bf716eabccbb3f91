package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class DpmSolverPlusPlus2mSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "dpm-solver++2m";
  }
}

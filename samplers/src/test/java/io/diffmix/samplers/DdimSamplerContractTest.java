package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class DdimSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "ddim";
  }
}

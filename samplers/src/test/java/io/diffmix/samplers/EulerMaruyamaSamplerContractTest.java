package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerGaussianContract;

class EulerMaruyamaSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "euler-maruyama";
  }
}

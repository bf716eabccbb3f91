package io.diffmix.samplers;

import io.diffmix.core.testkit.SamplerContract;

class EulerMaruyamaSamplerContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "euler-maruyama";
  }
}

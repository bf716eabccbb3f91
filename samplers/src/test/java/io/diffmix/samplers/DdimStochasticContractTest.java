package io.diffmix.samplers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.testkit.SamplerContract;

/** DDIM with η = 1 draws noise: the contract must hold for its noisy branch too. */
class DdimStochasticContractTest extends SamplerContract {
  @Override
  protected String name() {
    return "ddim";
  }

  @Override
  protected ObjectNode exampleConfig() {
    return super.exampleConfig().put("eta", 1.0);
  }
}

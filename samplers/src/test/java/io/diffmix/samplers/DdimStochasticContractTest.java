package io.diffmix.samplers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.testkit.SamplerGaussianContract;

/** DDIM with η = 1 draws noise: the contract must hold for its noisy branch too. */
class DdimStochasticContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "ddim";
  }

  @Override
  protected ObjectNode exampleConfig() {
    return super.exampleConfig().put("eta", 1.0);
  }
}

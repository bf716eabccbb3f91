package org.example.diffmix;

import io.diffmix.core.testkit.SamplerGaussianContract;

/**
 * The kit's whole sampler contract: loads by name through ServiceLoader, finite for 1 to 64 steps, the same
 * bits for the same seed, chunk- and thread-independent, counts its NFE, and samples one Gaussian under VE
 * and VP.
 */
class PfMidpointSamplerContractTest extends SamplerGaussianContract {
  @Override
  protected String name() {
    return "pf-midpoint";
  }
}

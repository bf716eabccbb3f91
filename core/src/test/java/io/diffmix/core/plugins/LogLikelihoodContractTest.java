package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class LogLikelihoodContractTest extends MetricContract {
  @Override
  protected String name() {
    return "log-likelihood";
  }
}

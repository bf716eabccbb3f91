package io.diffmix.core.plugins;

import io.diffmix.core.testkit.MetricContract;

class ScoreErrorContractTest extends MetricContract {
  @Override
  protected String name() {
    return "score-error";
  }
}

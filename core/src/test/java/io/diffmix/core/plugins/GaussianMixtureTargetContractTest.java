package io.diffmix.core.plugins;

import io.diffmix.core.testkit.TargetContract;

class GaussianMixtureTargetContractTest extends TargetContract {
  @Override
  protected String name() {
    return "gaussian-mixture";
  }

  @Override
  protected com.fasterxml.jackson.databind.node.ObjectNode exampleConfig() {
    return (com.fasterxml.jackson.databind.node.ObjectNode) io.diffmix.core.config.Json.parse(
        "{\"type\": \"gaussian-mixture\", \"weights\": [0.25, 0.75], \"means\": [[0, 1], [2, 3]]}", "test");
  }
}

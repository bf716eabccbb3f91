package io.diffmix.core.testkit;

import io.diffmix.core.data.Samples;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.target.GaussianMixture;

/** Small targets with known truth for contract tests. */
public final class TestTargets {
  private TestTargets() {}

  /** The quickstart mixture: weights (0.5, 0.3, 0.2), means (0,0), (5,0), (0,5), σ0 = 1. */
  public static GaussianMixture quickstart() {
    return new GaussianMixture(new double[] {0.5, 0.3, 0.2}, new double[] {0, 0, 5, 0, 0, 5}, 2, 1.0);
  }

  /** {@code rows} points of {@code gm}, from the stream ("test", seed). */
  public static Samples draw(GaussianMixture gm, int rows, long seed) {
    Samples s = Samples.zeros(rows, gm.dim());
    gm.sample(rows, new RandomStreams(seed).stream("test"), s.data());
    return s;
  }
}

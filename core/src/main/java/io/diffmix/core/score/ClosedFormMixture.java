package io.diffmix.core.score;

import java.util.random.RandomGenerator;

/**
 * An optional capability of a {@link ScoreModel} whose clean law P̂_0 is a Gaussian mixture known in closed form,
 * such as {@code em-gmm}'s fitted mixture or the exact score of a {@code gaussian-mixture} target: exact draws
 * from P̂_0. The {@code mixture} sampler uses it, so that a mixture baseline is sampled as the mixture it is, with
 * no time discretization between its parameters and its points.
 */
public interface ClosedFormMixture {

  int dim();

  /**
   * One draw of X̂_0 into {@code out[offset .. offset + dim)}, from {@code rng} alone: a component from one
   * {@code nextDouble()} against the cumulative weights, then its mean plus its covariance's square root times
   * {@code dim} standard normals.
   */
  void drawClean(RandomGenerator rng, double[] out, int offset);
}

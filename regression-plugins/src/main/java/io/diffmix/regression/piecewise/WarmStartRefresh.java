package io.diffmix.regression.piecewise;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import java.util.random.RandomGenerator;

/**
 * Algorithm 2 (docs/algorithm.md §2, step 3.5): new warm starts from the level just fitted. Fresh points of P_t, drawn as
 * the warm-start rows plus √t ξ, are denoised by that level's posterior mean ĝ, and the greedy cover of the
 * denoised points with balls of radius R̃ = c·(R0 + s·√ln(1/α_min)), s² = σ0² + t, gives the next level's
 * warm starts.
 */
final class WarmStartRefresh {
  private final Samples warm;
  private final Assumptions assumptions;
  private final RandomStreams streams;
  private final Parallel par;

  /** @param warm the training rows set aside for Algorithm 2, never regressed on */
  WarmStartRefresh(Samples warm, Assumptions assumptions, RandomStreams streams, Parallel par) {
    this.warm = warm;
    this.assumptions = assumptions;
    this.streams = streams;
    this.par = par;
  }

  /** The warm starts after level k, flattened (count × n), from the streams {@code warm-start:k}. */
  double[] after(LevelPolynomials level, int k) {
    double t = level.tVe;
    double s = Math.sqrt(assumptions.sigma0() * assumptions.sigma0() + t);
    double radius = assumptions.c() * (assumptions.r0() + s * Math.sqrt(Math.log(1 / assumptions.alphaMin())));
    return WarmStarts.cover(denoised(level, k), warm.rows(), warm.dim(), radius, assumptions.alphaMin(), par);
  }

  /** ĝ(x + √t ξ) for every warm-start row x, block by block from each block's own stream. */
  private double[] denoised(LevelPolynomials level, int k) {
    int n = warm.dim();
    double[] mu = new double[warm.rows() * n];
    double sqrtT = Math.sqrt(level.tVe);
    par.forEachChunk(warm.rows(), NoisyLevel.BLOCK, (from, to) -> {
      RandomGenerator rng = streams.stream("warm-start:" + k, from / NoisyLevel.BLOCK);
      double[] y = new double[(to - from) * n];
      for (int i = from; i < to; i++) {
        for (int c = 0; c < n; c++) {
          y[(i - from) * n + c] = warm.get(i, c) + sqrtT * rng.nextGaussian();
        }
      }
      double[] g = new double[y.length];
      level.posteriorMeans(y, to - from, g, level.batch());
      System.arraycopy(g, 0, mu, from * n, g.length);
    });
    return mu;
  }
}

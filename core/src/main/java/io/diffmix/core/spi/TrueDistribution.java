package io.diffmix.core.spi;

import io.diffmix.core.score.ScoreModel;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The known truth of a synthetic target P0 = Q0 * N(0, σ0² I): exact samples, the exact score at every time,
 * and the log-density.
 */
public interface TrueDistribution {

  int dim();

  /** Draws {@code rows} points of P0 into {@code out}, flat and row-major, reading only {@code rng}. */
  void sample(int rows, RandomGenerator rng, double[] out);

  /** The exact score of P_t at any time, under any schedule (through t_VE and α). */
  ScoreModel exactScore();

  /**
   * log p_t at rows [from, to) of x, for the law of α X_0 + σ Z given by its VE time σ²/α² and α.
   */
  void logDensity(double tVe, double alpha, double[] x, int from, int to, double[] out);

  /** The discrete mixture behind the target, when there is one: {@code mixture-recovery} needs it. */
  default Optional<DiscreteMixture> mixture() {
    return Optional.empty();
  }

  /**
   * A finite Gaussian mixture Σ_j w_j N(μ_j, σ0² I).
   *
   * @param weights w_j, summing to 1
   * @param means μ_j, flat and row-major, k × dim
   * @param dim the dimension
   * @param sigma0 σ0
   */
  record DiscreteMixture(double[] weights, double[] means, int dim, double sigma0) {
    public int components() {
      return weights.length;
    }
  }
}

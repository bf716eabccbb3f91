package io.diffmix.core.experiment;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.spi.Schedule;

/**
 * The starting law of sampling at the top time T: N(α(T)·m̄, (α(T)²·v̄ + σ(T)²) I), with m̄ the training mean and
 * v̄ its variance per coordinate.
 *
 * <p>It is centred at the training mean, not at 0: deterministic samplers carry an off-centre prior straight
 * into their output. Its variance matches the data's, which for the paper's
 * T = 100·(M2 + n) differs from the paper's N(0, (T + σ0²) I) by less than 1%.
 *
 * @param mean the prior's mean α(T)·m̄
 * @param sd its standard deviation per coordinate
 */
public record Prior(double[] mean, double sd) implements StartingPoints {

  public static Prior at(Schedule schedule, double topTime, DataMoments moments) {
    double a = schedule.alpha(topTime);
    double s = schedule.sigma(topTime);
    double[] mean = moments.mean().clone();
    for (int j = 0; j < mean.length; j++) {
      mean[j] *= a;
    }
    return new Prior(mean, Math.sqrt(a * a * moments.meanVariance() + s * s));
  }

  /** Draws local rows [0, rows) of {@code x} from each row's own stream: the first draws of that stream. */
  @Override
  public void fill(double[] x, int firstRow, int rows, SampleNoise noise) {
    int d = mean.length;
    for (int i = 0; i < rows; i++) {
      noise.gaussians(i, x, i * d, d);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = mean[j] + sd * x[i * d + j];
      }
    }
  }
}

package io.diffmix.samplers;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.score.ClosedFormMixture;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.random.RandomGenerator;

/**
 * Exact draws from a model whose clean law is a Gaussian mixture in closed form ({@link ClosedFormMixture}):
 * {@code em-gmm}, or the exact score of a {@code gaussian-mixture} or {@code random-mixture} target. Classical
 * EM samples its fitted mixture this way; sampling it through a reverse-time discretization instead adds that
 * discretization's error to EM's, and a comparison of EM with a diffusion learner would charge EM for it.
 *
 * <p>Like every sampler it ends at the grid's last time t_L: a draw X̂_0 of the mixture becomes α(t_L) X̂_0 +
 * σ(t_L) Z, a draw of the model's own P̂_{t_L}, exactly. No score is evaluated (NFE 0). Row i draws from its own stream
 * ("sample", i), after the prior's starting point that the runner drew from it, so the points are the same bits
 * for any chunk size or thread count.
 */
public final class MixtureSampler implements Sampler {
  /** The {@code mixture} factory. */
  public static final SamplerFactory<NoParams> FACTORY = SamplerFactory.of("mixture",
      "exact draws from a closed-form Gaussian mixture model (em-gmm; exact on a mixture target): no "
          + "discretization, 0 NFE",
      MixtureSampler::new);

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    ClosedFormMixture mixture = mixtureOf(score);
    double last = times[times.length - 1];
    double alpha = schedule.alpha(last);
    double sigma = schedule.sigma(last);
    int d = chunk.dim();
    double[] x = chunk.x();
    for (int i = 0; i < chunk.rows(); i++) {
      RandomGenerator rng = chunk.noise().row(i);
      mixture.drawClean(rng, x, i * d);
      for (int c = 0; c < d; c++) {
        x[i * d + c] = alpha * x[i * d + c] + sigma * rng.nextGaussian();
      }
    }
    return 0;
  }

  /** The mixture view of a model, or one line saying that this sampler needs it. */
  static ClosedFormMixture mixtureOf(ScoreModel score) {
    if (score instanceof ClosedFormMixture m) {
      return m;
    }
    throw new BadInputException("sampler: 'mixture' draws from a closed-form Gaussian mixture, and "
        + score.getClass().getSimpleName() + " is not one (io.diffmix.core.score.ClosedFormMixture); valid: "
        + "learner em-gmm (without subspace), or the exact learner on a gaussian-mixture or random-mixture "
        + "target; or another sampler");
  }
}

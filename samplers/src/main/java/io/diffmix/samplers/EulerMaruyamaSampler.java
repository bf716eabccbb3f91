package io.diffmix.samplers;

import io.diffmix.core.sampling.ForwardSde;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;

/**
 * Euler–Maruyama on the reverse-time SDE (Anderson 1982; Song et al. 2021, eq. 6)
 * <pre>  dx = [f x − g² ∇log p_t(x)] dt + g dW̄</pre>
 * from t down to t' = t − h:
 * <pre>  x' = x − h (f x − g² s_t(x)) + g √h ξ</pre>
 * with f, g² taken at t ({@link ForwardSde}). One score evaluation per step. The last step, down to the grid's
 * last time, adds its noise like every other: the output is a sample of p_{t1}, as Algorithm 1's is.
 */
public final class EulerMaruyamaSampler implements Sampler {
  /** The {@code euler-maruyama} factory. */
  public static final SamplerFactory<NoParams> FACTORY = SamplerFactory.of("euler-maruyama",
      "Euler-Maruyama on the reverse-time SDE in the schedule's time (1 NFE per step)", EulerMaruyamaSampler::new);

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    double[] s = new double[n];
    double[] xi = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double h = t - times[k + 1];
      double f = ForwardSde.drift(schedule, t);
      double g2 = ForwardSde.diffusionSquared(schedule, t);
      double noise = Math.sqrt(g2 * h);
      Scores.evaluate(score, schedule, t, x, 0, chunk.rows(), s);
      chunk.gaussians(xi);
      for (int q = 0; q < n; q++) {
        x[q] += -h * (f * x[q] - g2 * s[q]) + noise * xi[q];
      }
    }
    return times.length - 1;
  }
}

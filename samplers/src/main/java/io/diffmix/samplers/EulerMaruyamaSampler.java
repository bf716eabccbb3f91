package io.diffmix.samplers;

import io.diffmix.core.config.Params;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
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

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int rows = chunk.rows();
    int d = chunk.dim();
    double[] s = new double[rows * d];
    double[] xi = new double[d];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double h = t - times[k + 1];
      double f = ForwardSde.f(schedule, t);
      double g2 = ForwardSde.g2(schedule, t);
      double noise = Math.sqrt(g2 * h);
      Scores.evaluate(score, schedule, t, x, 0, rows, s);
      for (int i = 0; i < rows; i++) {
        chunk.noise().gaussians(i, xi, 0, d);
        for (int j = 0; j < d; j++) {
          int q = i * d + j;
          x[q] += -h * (f * x[q] - g2 * s[q]) + noise * xi[j];
        }
      }
    }
    return times.length - 1;
  }

  /** The {@code euler-maruyama} factory. */
  public static final class Factory implements SamplerFactory<Factory.Config> {
    public record Config() {}

    @Override
    public String name() {
      return "euler-maruyama";
    }

    @Override
    public String description() {
      return "Euler-Maruyama on the reverse-time SDE in the schedule's time (1 NFE per step)";
    }

    @Override
    public Config configure(Params params) {
      return new Config();
    }

    @Override
    public Sampler create(Config config) {
      return new EulerMaruyamaSampler();
    }
  }
}

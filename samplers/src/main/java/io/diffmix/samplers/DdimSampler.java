package io.diffmix.samplers;

import io.diffmix.core.config.Param;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.List;

/**
 * DDIM (Song, Meng and Ermon 2021, eq. 12), written in VE coordinates y = x/α with v = σ²/α², from v down
 * to v':
 * <pre>  D = y + v s_VE(y)                 (Tweedie: the denoised estimate x̂_0)
 *   ε̂ = (y − D)/√v
 *   c² = η² v'(v − v')/v               (their σ_t(η)², the DDPM posterior variance times η²)
 *   y' = D + √(v' − c²) ε̂ + c ξ</pre>
 * In VP terms c is η √((1 − ᾱ')/(1 − ᾱ)) √(1 − ᾱ/ᾱ'), as in the paper. η = 0 is the deterministic DDIM, a
 * first-order solver of the probability-flow ODE; η = 1 is DDPM's ancestral sampler. The radicand
 * v' − c² = v'(1 − η²(1 − v'/v)) is clamped at 0 for η > 1. One score evaluation per step, the last one
 * included.
 */
public final class DdimSampler implements Sampler {
  /** The {@code ddim} factory. */
  public static final SamplerFactory<Config> FACTORY = new SamplerFactory.Of<>("ddim",
      "DDIM (Song et al. 2021): eta = 0 deterministic (first order), eta = 1 DDPM's ancestral sampler",
      List.of(Param.real("eta", 0, "stochasticity: 0 deterministic, 1 ancestral (DDPM)").atLeast(0).atMost(1)),
      p -> new Config(p.real("eta")), c -> new DdimSampler(c.eta()));

  /** @param eta η */
  public record Config(double eta) {}

  private final double eta;

  public DdimSampler(double eta) {
    this.eta = eta;
  }

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    double[] s = new double[n];
    double[] xi = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double v = schedule.veTime(t);
      double vNext = schedule.veTime(times[k + 1]);
      double a = schedule.alpha(t);
      double aNext = schedule.alpha(times[k + 1]);
      double c2 = eta * eta * vNext * (1 - vNext / v);
      double c = Math.sqrt(Math.max(0, c2));
      double direction = Math.sqrt(Math.max(0, vNext - c2));
      double sqrtV = Math.sqrt(v);
      Scores.evaluate(score, schedule, t, x, 0, chunk.rows(), s);
      if (c > 0) {
        chunk.gaussians(xi);
      }
      for (int q = 0; q < n; q++) {
        double y = x[q] / a;
        double sVe = a * s[q];
        double denoised = y + v * sVe;
        double eps = -sqrtV * sVe;
        double yNext = denoised + direction * eps + (c > 0 ? c * xi[q] : 0);
        x[q] = aNext * yNext;
      }
    }
    return times.length - 1;
  }
}

package io.diffmix.samplers;

import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;

/**
 * The exponential integrator of the reverse OU SDE (DDPM-style; Chen et al. 2023, Benton et al. 2024, as
 * restated in the paper's Appendix A and docs/algorithm.md §4), from VP time τ down to τ' = τ − ζ:
 * <pre>  x̂' = e^ζ x̂ + 2(e^ζ − 1) s_VP(x̂) + √(e^{2ζ} − 1) ξ</pre>
 * The linear drift is integrated exactly and the score frozen at τ.
 *
 * <p>Any schedule is brought to the OU coordinates through its VE time v = σ²/α²: τ = ½ ln(1 + v) and
 * x̂ = e^{−τ} x/α = x/ν with ν = √(α² + σ²); the OU score is s_VP(x̂) = ν s(x). Under {@code vp} ν = 1 and
 * this is the integrator itself; under {@code ve} it is Algorithm 1's step, so that e^{−τ}·paper-ve equals
 * this sampler on vp.
 */
public final class ExpIntegratorSampler implements Sampler {
  /** The {@code exp-integrator} factory. */
  public static final SamplerFactory<NoParams> FACTORY = SamplerFactory.of("exp-integrator",
      "the DDPM-style exponential integrator of the reverse OU SDE (Chen et al.; Benton et al.), 1 NFE per step",
      ExpIntegratorSampler::new);

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    double[] s = new double[n];
    double[] xi = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double tNext = times[k + 1];
      // ζ = τ − τ' = ½ (ln(1 + v) − ln(1 + v'))
      double zeta = 0.5 * (Math.log1p(schedule.veTime(t)) - Math.log1p(schedule.veTime(tNext)));
      double grow = Math.exp(zeta);
      double drift = 2 * Math.expm1(zeta);
      double noise = Math.sqrt(Math.max(0, Math.expm1(2 * zeta)));
      double nu = scale(schedule, t);
      double nuNext = scale(schedule, tNext);
      Scores.evaluate(score, schedule, t, x, 0, chunk.rows(), s);
      chunk.gaussians(xi);
      for (int q = 0; q < n; q++) {
        double xHat = x[q] / nu;
        double xHatNext = grow * xHat + drift * (nu * s[q]) + noise * xi[q];
        x[q] = nuNext * xHatNext;
      }
    }
    return times.length - 1;
  }

  /** ν = √(α² + σ²) = α √(1 + v): the map x̂ = x/ν to OU coordinates. */
  private static double scale(Schedule schedule, double t) {
    double a = schedule.alpha(t);
    double sigma = schedule.sigma(t);
    return Math.sqrt(a * a + sigma * sigma);
  }
}

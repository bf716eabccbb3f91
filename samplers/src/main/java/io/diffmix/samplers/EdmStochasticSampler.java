package io.diffmix.samplers;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.List;

/**
 * Karras et al. (2022), Algorithm 2: Heun steps in the noise level σ with "churn", in VE coordinates
 * y = x/α and σ = √v (EDM's own σ(t) = t, s(t) = 1). At each step from σ_i to σ_{i+1}:
 * <pre>  γ = min(S_churn/N, √2 − 1) if S_tmin ≤ σ_i ≤ S_tmax, else 0;   σ̂ = σ_i (1 + γ)
 *   ŷ = y + √(σ̂² − σ_i²)·S_noise·ξ                  (raise the noise level)
 *   d = (ŷ − D(ŷ; σ̂))/σ̂,   y' = ŷ + (σ_{i+1} − σ̂) d   (Euler)
 *   d' = (y' − D(y'; σ_{i+1}))/σ_{i+1},   y' = ŷ + (σ_{i+1} − σ̂)(d + d')/2   (Heun correction)</pre>
 * with D(y; σ) = y + σ² s_VE(y) and √(σ̂² − σ²) = σ√(γ(2 + γ)). EDM skips the correction when σ_{i+1} = 0;
 * every grid here ends at a positive σ, so the final step is corrected too (and would not be at σ = 0).
 *
 * <p>The score at σ̂, which is off the grid, is asked in VE coordinates (t_VE = σ̂², α = 1), which every
 * {@link ScoreModel} answers whatever the schedule. Defaults: S_churn = 40, S_tmin = 0.05, S_tmax = 50 are
 * EDM's ImageNet-64 settings; S_noise = 1, since its 1.003 compensates a learned denoiser's bias that the
 * exact score does not have.
 */
public final class EdmStochasticSampler implements Sampler {
  /** The {@code edm-stochastic} factory. */
  public static final SamplerFactory<Config> FACTORY = new SamplerFactory.Of<>("edm-stochastic",
      "Karras et al. (EDM) Algorithm 2: Heun steps in sigma with churn (2 NFE per step)",
      List.of(
          Param.real("s_churn", 40, "S_churn: total churn, gamma = min(S_churn/N, sqrt(2) - 1)").atLeast(0),
          Param.real("s_tmin", 0.05, "S_tmin: churn only where sigma/alpha >= this").atLeast(0),
          Param.real("s_tmax", 50, "S_tmax: churn only where sigma/alpha <= this").atLeast(0),
          Param.real("s_noise", 1.0, "S_noise: scale of the churn noise").greaterThan(0).atMost(2)),
      EdmStochasticSampler::configure, EdmStochasticSampler::new);

  /**
   * @param sChurn S_churn, the total churn
   * @param sTmin S_tmin, the lowest σ that is churned
   * @param sTmax S_tmax, the highest σ that is churned
   * @param sNoise S_noise, the scale of the added noise
   */
  public record Config(double sChurn, double sTmin, double sTmax, double sNoise) {}

  private final Config config;

  public EdmStochasticSampler(Config config) {
    this.config = config;
  }

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int rows = chunk.rows();
    int d = chunk.dim();
    int n = rows * d;
    int steps = times.length - 1;
    double[] y = new double[n];
    double[] s = new double[n];
    double[] slope = new double[n];
    double[] euler = new double[n];
    double[] xi = new double[n];
    double a0 = schedule.alpha(times[0]);
    for (int q = 0; q < n; q++) {
      y[q] = x[q] / a0;
    }
    double gammaMax = steps == 0 ? 0 : Math.min(config.sChurn() / steps, Math.sqrt(2) - 1);
    int nfe = 0;
    for (int k = 0; k < steps; k++) {
      double sigma = Math.sqrt(schedule.veTime(times[k]));
      double sigmaNext = Math.sqrt(schedule.veTime(times[k + 1]));
      double gamma = sigma >= config.sTmin() && sigma <= config.sTmax() ? gammaMax : 0;
      double sigmaHat = sigma * (1 + gamma);
      if (gamma > 0) {
        double raise = sigma * Math.sqrt(gamma * (2 + gamma)) * config.sNoise();
        chunk.gaussians(xi);
        for (int q = 0; q < n; q++) {
          y[q] += raise * xi[q];
        }
      }
      // d = (ŷ − D)/σ̂ = −σ̂ s_VE(ŷ)
      score.score(sigmaHat * sigmaHat, 1, y, 0, rows, s);
      nfe++;
      double h = sigmaNext - sigmaHat;
      for (int q = 0; q < n; q++) {
        slope[q] = -sigmaHat * s[q];
        euler[q] = y[q] + h * slope[q];
      }
      if (sigmaNext > 0) {
        score.score(sigmaNext * sigmaNext, 1, euler, 0, rows, s);
        nfe++;
        for (int q = 0; q < n; q++) {
          y[q] += 0.5 * h * (slope[q] - sigmaNext * s[q]);
        }
      } else {
        System.arraycopy(euler, 0, y, 0, n);
      }
    }
    double aLast = schedule.alpha(times[steps]);
    for (int q = 0; q < n; q++) {
      x[q] = aLast * y[q];
    }
    return nfe;
  }

  private static Config configure(Params p) {
    if (p.real("s_tmax") < p.real("s_tmin")) {
      throw p.error("s_tmax", p.real("s_tmax") + " is below s_tmin = " + p.real("s_tmin") + "; valid: >= s_tmin");
    }
    return new Config(p.real("s_churn"), p.real("s_tmin"), p.real("s_tmax"), p.real("s_noise"));
  }
}

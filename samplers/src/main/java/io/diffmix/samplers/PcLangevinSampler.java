package io.diffmix.samplers;

import io.diffmix.core.config.Param;
import io.diffmix.core.sampling.ForwardSde;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.List;

/**
 * The predictor–corrector sampler of Song et al. (2021), Algorithms 4 and 5: at each time t_k, first
 * {@code corrector_steps} Langevin steps that target p_{t_k},
 * <pre>  x ← x + ε s_{t_k}(x) + √(2ε) z</pre>
 * then one Euler–Maruyama step of the reverse SDE down to t_{k+1} (the predictor; see
 * {@link EulerMaruyamaSampler}).
 *
 * <p>Step size. The paper sets ε = 2(r·‖z‖/‖s‖)² with the signal-to-noise ratio r = {@code snr}, the norms
 * averaged over the batch. A batch average would make a row's result depend on the batch it runs in, which
 * this framework forbids; so the ratio takes its expected value instead: for s ≈ −z/σ,
 * ‖z‖²/‖s‖² ≈ σ(t)², and ε = 2 r² σ(t)², the same for every row.
 *
 * <p>The final step: the last predictor lands on the grid's last time with its noise, so the output is a sample
 * of p_{t1}; no corrector runs there (as in the paper, the correctors run at t_N … t_2). NFE per point:
 * (corrector_steps + 1) per step.
 */
public final class PcLangevinSampler implements Sampler {
  /** The {@code pc-langevin} factory. */
  public static final SamplerFactory<Config> FACTORY = new SamplerFactory.Of<>("pc-langevin",
      "predictor-corrector (Song et al. 2021): Euler-Maruyama predictor, Langevin corrector with snr",
      List.of(
          Param.real("snr", 0.16, "corrector signal-to-noise ratio r; Langevin step 2 r^2 sigma(t)^2").greaterThan(0)
              .atMost(1),
          Param.integer("corrector_steps", 1, "Langevin steps at each time").atLeast(0).atMost(100)),
      p -> new Config(p.real("snr"), p.integer("corrector_steps")),
      c -> new PcLangevinSampler(c.snr(), c.correctorSteps()));

  /**
   * @param snr the signal-to-noise ratio r of the corrector
   * @param correctorSteps Langevin steps per time
   */
  public record Config(double snr, int correctorSteps) {}

  private final double snr;
  private final int correctorSteps;

  public PcLangevinSampler(double snr, int correctorSteps) {
    this.snr = snr;
    this.correctorSteps = correctorSteps;
  }

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    double[] s = new double[n];
    double[] xi = new double[n];
    int nfe = 0;
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double sigma = schedule.sigma(t);
      double eps = 2 * snr * snr * sigma * sigma;
      double langevinNoise = Math.sqrt(2 * eps);
      for (int c = 0; c < correctorSteps; c++) {
        Scores.evaluate(score, schedule, t, x, 0, chunk.rows(), s);
        nfe++;
        chunk.gaussians(xi);
        for (int q = 0; q < n; q++) {
          x[q] += eps * s[q] + langevinNoise * xi[q];
        }
      }
      // predictor: x' = x − h (f x − g² s) + g √h ξ
      double h = t - times[k + 1];
      double f = ForwardSde.drift(schedule, t);
      double g2 = ForwardSde.diffusionSquared(schedule, t);
      double noise = Math.sqrt(g2 * h);
      Scores.evaluate(score, schedule, t, x, 0, chunk.rows(), s);
      nfe++;
      chunk.gaussians(xi);
      for (int q = 0; q < n; q++) {
        x[q] += -h * (f * x[q] - g2 * s[q]) + noise * xi[q];
      }
    }
    return nfe;
  }
}

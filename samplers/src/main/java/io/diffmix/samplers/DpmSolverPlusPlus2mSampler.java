package io.diffmix.samplers;

import io.diffmix.core.config.Param;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.List;

/**
 * DPM-Solver++(2M) (Lu et al. 2022, "DPM-Solver++", Algorithm 2), the multistep second-order solver of the
 * probability-flow ODE in data prediction. With λ = ln(α/σ) = −½ ln v, h_i = λ_{i+1} − λ_i and the denoised
 * D_i = y + v s_VE(y) at step i, in VE coordinates y = x/α (where σ/α = √v):
 * <pre>  y_{i+1} = (√v_{i+1}/√v_i) y_i + (1 − e^{−h_i}) D̃_i
 *   D̃_i = (1 + 1/(2r_i)) D_i − (1/(2r_i)) D_{i−1},   r_i = h_{i−1}/h_i</pre>
 * The first step has no D_{i−1} and takes D̃ = D (DPM-Solver++(1), which is DDIM). With
 * {@code lower_order_final}, the final step does the same, as in the authors' code and k-diffusion: the last
 * step, into the smallest noise, is where the multistep extrapolation is least stable, and one first-order
 * step costs only O(h²) globally. One score evaluation per step.
 */
public final class DpmSolverPlusPlus2mSampler implements Sampler {
  /** The {@code dpm-solver++2m} factory. */
  public static final SamplerFactory<Config> FACTORY = new SamplerFactory.Of<>("dpm-solver++2m",
      "DPM-Solver++(2M) (Lu et al. 2022): multistep second order in log-SNR, data prediction, 1 NFE per step",
      List.of(Param.bool("lower_order_final", true, "take the final step at first order")),
      p -> new Config(p.bool("lower_order_final")), c -> new DpmSolverPlusPlus2mSampler(c.lowerOrderFinal()));

  /** @param lowerOrderFinal whether the final step is first order */
  public record Config(boolean lowerOrderFinal) {}

  private final boolean lowerOrderFinal;

  public DpmSolverPlusPlus2mSampler(boolean lowerOrderFinal) {
    this.lowerOrderFinal = lowerOrderFinal;
  }

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int rows = chunk.rows();
    int n = rows * chunk.dim();
    double[] s = new double[n];
    double[] denoised = new double[n];
    double[] previous = new double[n];
    double hPrevious = Double.NaN;
    int steps = times.length - 1;
    for (int k = 0; k < steps; k++) {
      double t = times[k];
      double v = schedule.veTime(t);
      double vNext = schedule.veTime(times[k + 1]);
      double a = schedule.alpha(t);
      double aNext = schedule.alpha(times[k + 1]);
      double h = 0.5 * Math.log(v / vNext);
      double keep = Math.sqrt(vNext / v);
      double toward = -Math.expm1(-h);
      boolean firstOrder = k == 0 || (lowerOrderFinal && k == steps - 1);
      double r = hPrevious / h;
      double wNow = firstOrder ? 1 : 1 + 1 / (2 * r);
      double wBefore = firstOrder ? 0 : -1 / (2 * r);
      Scores.evaluate(score, schedule, t, x, 0, rows, s);
      for (int q = 0; q < n; q++) {
        double y = x[q] / a;
        denoised[q] = y + v * (a * s[q]);
        double target = wNow * denoised[q] + wBefore * previous[q];
        x[q] = aNext * (keep * y + toward * target);
      }
      double[] swap = previous;
      previous = denoised;
      denoised = swap;
      hPrevious = h;
    }
    return steps;
  }
}

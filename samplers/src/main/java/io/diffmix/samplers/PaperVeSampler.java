package io.diffmix.samplers;

import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;

/**
 * Algorithm 1's generation step (lines 19–22), in VE time, from t = t_{k+1} down to t' = t_k:
 * <pre>  ŷ_{t'} = ŷ_t + 2[(t + 1) − √((t' + 1)(t + 1))]·s_t(ŷ_t) + √(t − t')·ξ</pre>
 *
 * <p>The paper prints {@code (t−1)} where {@code (t+1)} is right: Appendix A obtains the step from the VP
 * exponential integrator x̂' = e^ζ x̂ + 2(e^ζ − 1)s + √(e^{2ζ} − 1)ξ with e^τ = √(t + 1), and that algebra
 * gives +1 (docs/algorithm.md §2, step 4). For small steps the drift coefficient is ≈ t − t', Euler–Maruyama for
 * dy = ∇ln p dt + dW in reverse time.
 *
 * <p>Any other schedule is sampled in its VE coordinates y = x/α at the VE-equivalent times, and mapped back.
 */
public final class PaperVeSampler implements Sampler {
  /** The {@code paper-ve} factory. */
  public static final SamplerFactory<NoParams> FACTORY = SamplerFactory.of("paper-ve",
      "Algorithm 1's stochastic step in VE time, with the (t+1) correction of the printed (t-1)", PaperVeSampler::new);

  /** The drift coefficient 2[(t + 1) − √((t' + 1)(t + 1))] of a step from VE time t down to t'. */
  public static double driftCoefficient(double t, double tNext) {
    return 2 * ((t + 1) - Math.sqrt((tNext + 1) * (t + 1)));
  }

  /** The noise scale √(t − t') of a step from VE time t down to t'. */
  public static double noiseScale(double t, double tNext) {
    return Math.sqrt(Math.max(0, t - tNext));
  }

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    double[] s = new double[n];
    double[] xi = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = schedule.veTime(times[k]);
      double tNext = schedule.veTime(times[k + 1]);
      double a = schedule.alpha(times[k]);
      double aNext = schedule.alpha(times[k + 1]);
      score.score(t, a, x, 0, chunk.rows(), s);
      double c = driftCoefficient(t, tNext);
      double g = noiseScale(t, tNext);
      chunk.gaussians(xi);
      for (int q = 0; q < n; q++) {
        // y = x/α and s_VE(y) = α s(x): one VE step, then back to x' = α' y'
        double y = x[q] / a;
        double yNext = y + c * (a * s[q]) + g * xi[q];
        x[q] = aNext * yNext;
      }
    }
    return times.length - 1;
  }
}

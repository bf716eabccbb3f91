package io.diffmix.samplers;

import io.diffmix.core.sampling.ProbabilityFlow;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;

/**
 * Euler's method on the probability-flow ODE ({@link ProbabilityFlow}), from t down to t':
 * <pre>  x' = x + (t' − t)·v(x, t),   v = f x − ½ g² ∇log p_t</pre>
 * First order: the global error falls like the step. One score evaluation per step; the last step lands on
 * the grid's last time like every other.
 */
public final class PfEulerSampler implements Sampler {
  /** The {@code pf-euler} factory. */
  public static final SamplerFactory<NoParams> FACTORY = SamplerFactory.of("pf-euler",
      "Euler's method on the probability-flow ODE in the schedule's time (first order, 1 NFE per step)",
      PfEulerSampler::new);

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    ProbabilityFlow flow = new ProbabilityFlow(score, schedule, chunk.rows());
    double[] v = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double h = times[k + 1] - times[k];
      flow.velocity(times[k], x, v);
      for (int q = 0; q < n; q++) {
        x[q] += h * v[q];
      }
    }
    return times.length - 1;
  }
}

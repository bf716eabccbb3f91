package io.diffmix.samplers;

import io.diffmix.core.sampling.ProbabilityFlow;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;

/**
 * The classical fourth-order Runge–Kutta method on the probability-flow ODE, with h = t' − t and the
 * midpoint t + h/2 in the schedule's time:
 * <pre>  k1 = v(x, t), k2 = v(x + h k1/2, t + h/2), k3 = v(x + h k2/2, t + h/2), k4 = v(x + h k3, t')
 *   x' = x + h (k1 + 2k2 + 2k3 + k4)/6</pre>
 * Four score evaluations per step.
 */
public final class PfRk4Sampler implements Sampler {
  /** The {@code pf-rk4} factory. */
  public static final SamplerFactory<NoParams> FACTORY = SamplerFactory.of("pf-rk4",
      "classical Runge-Kutta 4 on the probability-flow ODE (fourth order, 4 NFE per step)", PfRk4Sampler::new);

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int n = chunk.rows() * chunk.dim();
    ProbabilityFlow flow = new ProbabilityFlow(score, schedule, chunk.rows());
    double[] k1 = new double[n];
    double[] k2 = new double[n];
    double[] k3 = new double[n];
    double[] k4 = new double[n];
    double[] stage = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double h = times[k + 1] - t;
      double mid = t + 0.5 * h;
      flow.velocity(t, x, k1);
      for (int q = 0; q < n; q++) {
        stage[q] = x[q] + 0.5 * h * k1[q];
      }
      flow.velocity(mid, stage, k2);
      for (int q = 0; q < n; q++) {
        stage[q] = x[q] + 0.5 * h * k2[q];
      }
      flow.velocity(mid, stage, k3);
      for (int q = 0; q < n; q++) {
        stage[q] = x[q] + h * k3[q];
      }
      flow.velocity(times[k + 1], stage, k4);
      for (int q = 0; q < n; q++) {
        x[q] += h / 6 * (k1[q] + 2 * k2[q] + 2 * k3[q] + k4[q]);
      }
    }
    return 4 * (times.length - 1);
  }
}

package io.diffmix.samplers;

import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.Schedule;

/**
 * The right-hand side of the probability-flow ODE (Song et al. 2021, eq. 13) in the schedule's own time:
 * <pre>  dx/dt = f(t)·x − ½ g(t)² ∇log p_t(x)</pre>
 * Its solution has the marginals p_t, so integrating it backwards from the prior transports it to p_{t1}.
 */
final class ProbabilityFlow {
  private ProbabilityFlow() {}

  /**
   * Writes dx/dt at time t into {@code out}; one score evaluation on all rows.
   *
   * @param scratch rows × dim, overwritten with the score
   */
  static void velocity(ScoreModel score, Schedule schedule, double t, double[] x, int rows, double[] scratch,
      double[] out) {
    Scores.evaluate(score, schedule, t, x, 0, rows, scratch);
    double f = ForwardSde.f(schedule, t);
    double halfG2 = 0.5 * ForwardSde.g2(schedule, t);
    int n = rows * score.dim();
    for (int q = 0; q < n; q++) {
      out[q] = f * x[q] - halfG2 * scratch[q];
    }
  }
}

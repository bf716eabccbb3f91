package io.diffmix.core.sampling;

import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.Schedule;

/**
 * The right-hand side of the probability-flow ODE (Song et al. 2021, eq. 13) in the schedule's own time, the
 * derivative that k-diffusion's {@code to_d} returns:
 * <pre>  dx/dt = v(x, t) = f(t)·x − ½ g(t)² ∇log p_t(x)</pre>
 * with f and g² of the {@link ForwardSde}. Its solution has the marginals p_t, so integrating it backwards from
 * the prior transports it to p_{t1}. An ODE sampler is then its steps and little else:
 *
 * <pre>{@code
 * ProbabilityFlow flow = new ProbabilityFlow(score, schedule, chunk.rows());
 * flow.velocity(t, x, v);   // v = dx/dt at time t, one score evaluation
 * }</pre>
 *
 * <p>An instance keeps the score's scratch, so it belongs to one call of {@code sample} on one thread.
 */
public final class ProbabilityFlow {
  private final ScoreModel score;
  private final Schedule schedule;
  private final int rows;
  private final double[] scratch;

  /** The flow of {@code score} under {@code schedule}, for {@code rows} points at a time. */
  public ProbabilityFlow(ScoreModel score, Schedule schedule, int rows) {
    this.score = score;
    this.schedule = schedule;
    this.rows = rows;
    this.scratch = new double[rows * score.dim()];
  }

  /** Writes dx/dt at time t of the rows of {@code x} into {@code out}: one score evaluation on all rows. */
  public void velocity(double t, double[] x, double[] out) {
    Scores.evaluate(score, schedule, t, x, 0, rows, scratch);
    double f = ForwardSde.drift(schedule, t);
    double halfG2 = 0.5 * ForwardSde.diffusionSquared(schedule, t);
    int n = rows * score.dim();
    for (int q = 0; q < n; q++) {
      out[q] = f * x[q] - halfG2 * scratch[q];
    }
  }
}

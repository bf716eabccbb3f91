package org.example.diffmix;

import io.diffmix.core.config.Params;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.score.Scores;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.Schedule;

/**
 * The explicit midpoint method (Runge's second-order method) on the probability-flow ODE of Song et al. (2021),
 * eq. 13, in the schedule's own time:
 * <pre>
 *   dx/dt = f(t)·x − ½ g(t)² ∇log p_t(x),   f = d ln α/dt,   g² = dσ²/dt − 2 f σ²
 *   x_½ = x + (h/2)·v(x, t),   x' = x + h·v(x_½, t + h/2),   h = t' − t  (negative: time runs down)
 * </pre>
 * Second order, two score evaluations per step. It is deterministic, so it draws no noise.
 */
public final class PfMidpointSampler implements Sampler {

  @Override
  public int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk) {
    double[] x = chunk.x();
    int rows = chunk.rows();
    int n = rows * chunk.dim();
    double[] s = new double[n];
    double[] v = new double[n];
    double[] half = new double[n];
    for (int k = 0; k + 1 < times.length; k++) {
      double t = times[k];
      double h = times[k + 1] - t;
      velocity(score, schedule, t, x, rows, s, v);
      for (int q = 0; q < n; q++) {
        half[q] = x[q] + 0.5 * h * v[q];
      }
      velocity(score, schedule, t + 0.5 * h, half, rows, s, v);
      for (int q = 0; q < n; q++) {
        x[q] += h * v[q];
      }
    }
    return 2 * (times.length - 1);
  }

  /** dx/dt at time t on all rows of x, into {@code out}; {@code scratch} receives the score. */
  private static void velocity(ScoreModel score, Schedule schedule, double t, double[] x, int rows,
      double[] scratch, double[] out) {
    Scores.evaluate(score, schedule, t, x, 0, rows, scratch);
    double f = schedule.dLogAlpha(t);
    double sigma = schedule.sigma(t);
    // g² ≥ 0 in exact arithmetic; clamp the round-off so that no schedule makes it negative
    double halfG2 = 0.5 * Math.max(0, schedule.dSigma2(t) - 2 * f * sigma * sigma);
    int n = rows * score.dim();
    for (int q = 0; q < n; q++) {
      out[q] = f * x[q] - halfG2 * scratch[q];
    }
  }

  /** The {@code pf-midpoint} factory: a name, a description, no parameters. */
  public static final class Factory implements SamplerFactory<Factory.Config> {
    public record Config() {}

    @Override
    public String name() {
      return "pf-midpoint";
    }

    @Override
    public String description() {
      return "explicit midpoint method on the probability-flow ODE (second order, 2 NFE per step)";
    }

    @Override
    public Config configure(Params params) {
      return new Config();
    }

    @Override
    public Sampler create(Config config) {
      return new PfMidpointSampler();
    }
  }
}

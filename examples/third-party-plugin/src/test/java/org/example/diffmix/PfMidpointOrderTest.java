package org.example.diffmix;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import org.junit.jupiter.api.Test;

/**
 * The midpoint method is second order: with the exact score of the quickstart mixture (a nonlinear ODE), halving
 * the step divides the error at t1 by about 4; a first-order slip, such as evaluating the second velocity at t
 * instead of t + h/2, divides it by 2. The reference is the same method at 4096 steps, whose own error is
 * (64/4096)² ≈ 2.4e-4 of the 64-step error's.
 *
 * <p>A single Gaussian would be a poor test problem: its ODE is linear in x, and the midpoint method's global
 * error there happens to be third order on this grid.
 */
class PfMidpointOrderTest {
  private static final double T = 20;
  private static final double T1 = 0.05;
  private static final double[] START = {5, 3, -4, 0.5, 2.5, -1.5, 1, 1};

  /** Integrates START from T down to T1 with steps uniform in log(1 + t). */
  private static double[] solve(int steps) {
    GaussianMixture gm = TestTargets.quickstart();
    Schedule ve = TestSchedules.ve();
    double[] times = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      times[i] = Math.exp(Math.log1p(T) + (Math.log1p(T1) - Math.log1p(T)) * i / steps) - 1;
    }
    double[] x = START.clone();
    int rows = x.length / 2;
    int nfe = new PfMidpointSampler().sample(gm, ve, times,
        new Sampler.Chunk(x, rows, 2, new SampleNoise(new RandomStreams(1), "sample", 0, rows)));
    assertThat(nfe).isEqualTo(2 * steps);
    return x;
  }

  private static double error(double[] x, double[] reference) {
    double worst = 0;
    for (int q = 0; q < x.length; q++) {
      worst = Math.max(worst, Math.abs(x[q] - reference[q]));
    }
    return worst;
  }

  @Test
  void halvingTheStepDividesTheErrorByFour() {
    double[] reference = solve(4096);
    double e32 = error(solve(32), reference);
    double e64 = error(solve(64), reference);
    double e128 = error(solve(128), reference);
    assertThat(e32 / e64).isBetween(3.6, 4.4);
    assertThat(e64 / e128).isBetween(3.6, 4.4);
    assertThat(e128).isLessThan(1e-4);
  }
}

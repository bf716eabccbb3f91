package io.diffmix.samplers;

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
 * Issue 4, acceptance 3; paper Section 3.1 and Appendix A: the OU process is the VE process in the time
 * τ = ½ ln(t + 1) and the scale e^{−τ}. So with the same initial points (x = e^{−τ_N} y) and the same noise
 * streams, {@code exp-integrator} on {@code vp} at times τ_k equals e^{−τ_k} times {@code paper-ve} on
 * {@code ve} at times t_k = e^{2τ_k} − 1, step by step, up to round-off.
 */
class VeVpIdentityTest {
  private static final int ROWS = 300;

  @Test
  void expIntegratorOnVpIsThePapersStepOnVeScaledByExpMinusTau() {
    GaussianMixture gm = TestTargets.quickstart();
    // a grid that spans both branches of the paper's recurrence: from t = 1650 down to 1e-3, geometric in t + 1
    // far from the data and in t near it
    int steps = 150;
    double[] ve = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      double u = (double) k / steps;
      ve[k] = u < 0.5 ? Math.expm1(Math.log1p(1650) * (1 - 2 * u) + Math.log1p(1) * 2 * u)
          : Math.exp(Math.log(1) * (2 - 2 * u) + Math.log(1e-3) * (2 * u - 1));
    }
    Schedule vpSchedule = TestSchedules.vp();
    double[] tau = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      tau[k] = vpSchedule.timeOfVe(ve[k]);
    }

    double[] y = new double[ROWS * 2];
    SampleNoise start = new SampleNoise(new RandomStreams(21), "start", 0, ROWS);
    for (int i = 0; i < ROWS; i++) {
      start.gaussians(i, y, 2 * i, 2);
    }
    for (int q = 0; q < y.length; q++) {
      y[q] = 1.5 + Math.sqrt(1650 + 5.4) * y[q];
    }
    double[] x = new double[y.length];
    for (int q = 0; q < y.length; q++) {
      x[q] = Math.exp(-tau[0]) * y[q];
    }

    int nfeVe = NamedSampler.of("{\"type\": \"paper-ve\"}").sample(gm, TestSchedules.ve(), ve,
        new Sampler.Chunk(y, ROWS, 2, new SampleNoise(new RandomStreams(22), "sample", 0, ROWS)));
    int nfeVp = NamedSampler.of("{\"type\": \"exp-integrator\"}").sample(gm, vpSchedule, tau,
        new Sampler.Chunk(x, ROWS, 2, new SampleNoise(new RandomStreams(22), "sample", 0, ROWS)));

    assertThat(nfeVp).isEqualTo(nfeVe).isEqualTo(steps);
    double scale = Math.exp(-tau[steps]);
    double worst = 0;
    double size = 0;
    for (int q = 0; q < x.length; q++) {
      worst = Math.max(worst, Math.abs(x[q] - scale * y[q]));
      size = Math.max(size, Math.abs(scale * y[q]));
    }
    // 150 steps of a few roundings each, on points of size ≤ 10 whose map is a contraction near the data
    assertThat(worst / size).as("relative difference").isLessThan(1e-10);
    // and the identity is not vacuous: the two paths moved far from where they started
    assertThat(size).isGreaterThan(1);
  }
}

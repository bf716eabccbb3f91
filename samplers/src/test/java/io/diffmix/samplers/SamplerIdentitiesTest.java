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
 * Samplers that the literature says coincide do coincide, to round-off: each pins down the other's
 * coefficients.
 */
class SamplerIdentitiesTest {
  private static final int ROWS = 50;
  private static final GaussianMixture GM = TestTargets.quickstart();

  /** EDM's own schedule, α = 1 and σ = t, written here since the schedule plugins live in another module. */
  private static final Schedule EDM = new Schedule() {
    public double alpha(double t) {
      return 1;
    }

    public double sigma(double t) {
      return t;
    }

    public double dLogAlpha(double t) {
      return 0;
    }

    public double dSigma2(double t) {
      return 2 * t;
    }

    public double tMin() {
      return 0;
    }

    public double tMax() {
      return Double.POSITIVE_INFINITY;
    }

    public double timeOfVe(double tVe) {
      return Math.sqrt(tVe);
    }
  };

  private static double[] run(String json, Schedule schedule, double[] times) {
    double[] x = new double[ROWS * 2];
    SampleNoise start = new SampleNoise(new RandomStreams(31), "start", 0, ROWS);
    double sd = schedule.sigma(times[0]) / schedule.alpha(times[0]);
    for (int i = 0; i < ROWS; i++) {
      start.gaussians(i, x, 2 * i, 2);
    }
    for (int q = 0; q < x.length; q++) {
      x[q] *= sd * schedule.alpha(times[0]);
    }
    NamedSampler.of(json).sample(GM, schedule, times,
        new Sampler.Chunk(x, ROWS, 2, new SampleNoise(new RandomStreams(32), "sample", 0, ROWS)));
    return x;
  }

  private static double[] veGrid(Schedule schedule, int steps) {
    double[] t = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      t[k] = schedule.timeOfVe(Math.exp(Math.log(400) + (Math.log(1e-3) - Math.log(400)) * k / steps));
    }
    return t;
  }

  private static void assertClose(double[] a, double[] b, double relative) {
    double worst = 0;
    double size = 0;
    for (int q = 0; q < a.length; q++) {
      worst = Math.max(worst, Math.abs(a[q] - b[q]));
      size = Math.max(size, Math.abs(b[q]));
    }
    assertThat(worst).isLessThanOrEqualTo(relative * size);
  }

  @Test
  void expIntegratorOnVeIsThePapersStep() {
    // paper Appendix A: Algorithm 1's step is the exponential integrator in VE coordinates
    double[] t = veGrid(TestSchedules.ve(), 40);
    assertClose(run("{\"type\": \"exp-integrator\"}", TestSchedules.ve(), t),
        run("{\"type\": \"paper-ve\"}", TestSchedules.ve(), t), 1e-11);
  }

  @Test
  void dpmSolverPlusPlusWithOneStepIsDdim() {
    // Lu et al. 2022b: DPM-Solver++(1) is DDIM; the 2M solver's first step is first order
    for (Schedule s : new Schedule[] {TestSchedules.ve(), TestSchedules.vp()}) {
      double[] t = veGrid(s, 1);
      assertClose(run("{\"type\": \"dpm-solver++2m\"}", s, t), run("{\"type\": \"ddim\", \"eta\": 0}", s, t), 1e-12);
    }
  }

  @Test
  void edmWithoutChurnIsHeunOnTheEdmSchedule() {
    // Karras et al.: Algorithm 2 with S_churn = 0 is Algorithm 1, Heun's method in σ = t
    double[] t = veGrid(EDM, 30);
    assertClose(run("{\"type\": \"edm-stochastic\", \"s_churn\": 0}", EDM, t), run("{\"type\": \"pf-heun\"}", EDM, t),
        1e-12);
  }

  @Test
  void ddimWithFullEtaAndPcWithoutCorrectorAreStochastic() {
    double[] t = veGrid(TestSchedules.vp(), 20);
    // the noise matters: a different noise stream gives other points
    double[] a = run("{\"type\": \"ddim\", \"eta\": 1}", TestSchedules.vp(), t);
    double[] b = run("{\"type\": \"ddim\", \"eta\": 0}", TestSchedules.vp(), t);
    assertThat(a).isNotEqualTo(b);
    // pc-langevin with no corrector is Euler–Maruyama exactly
    assertClose(run("{\"type\": \"pc-langevin\", \"corrector_steps\": 0}", TestSchedules.vp(), t),
        run("{\"type\": \"euler-maruyama\"}", TestSchedules.vp(), t), 0);
  }
}

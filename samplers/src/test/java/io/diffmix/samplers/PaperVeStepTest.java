package io.diffmix.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.testkit.TestSchedules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Algorithm 1's step is the VP exponential integrator x̂' = e^ζ x̂ + 2(e^ζ − 1) s_VP(x̂) + √(e^{2ζ} − 1) ξ
 * (Benton et al.; paper Appendix A) written in VE coordinates y = e^τ x, with e^τ = √(t + 1) and
 * s_VP(x) = e^τ s_VE(y). The printed (t−1) fails this check, and not only by a NaN: for steps below t = 1 it is
 * real but about −4 where about 2e-5 is right (docs/algorithm.md §5).
 */
class PaperVeStepTest {

  @ParameterizedTest
  @CsvSource({"1600, 1500", "7.5, 6.1", "2.0, 0.5", "0.5, 0.4", "0.0011, 0.001", "1e-2, 9.9e-3"})
  void oneStepIsTheExponentialIntegratorInVeCoordinates(double t, double tNext) {
    double[] s = {0.7, -1.3};
    double[] y = {0.25, 2.0};
    double tau = 0.5 * Math.log1p(t);
    double tauNext = 0.5 * Math.log1p(tNext);
    double zeta = tau - tauNext;

    // run the sampler for one step with a constant VE score, and replay its noise stream
    ScoreModel constant = new ScoreModel() {
      public int dim() {
        return 2;
      }

      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
          out[2 * i] = s[0] / alpha;
          out[2 * i + 1] = s[1] / alpha;
        }
      }
    };
    double[] x = y.clone();
    new PaperVeSampler().sample(constant, TestSchedules.ve(), new double[] {t, tNext},
        new Sampler.Chunk(x, 1, 2, new SampleNoise(new RandomStreams(3), "sample", 0, 1)));
    double[] xi = new double[2];
    new SampleNoise(new RandomStreams(3), "sample", 0, 1).gaussians(0, xi, 0, 2);

    for (int d = 0; d < 2; d++) {
      double xVp = Math.exp(-tau) * y[d];
      double sVp = Math.exp(tau) * s[d];
      double xVpNext = Math.exp(zeta) * xVp + 2 * Math.expm1(zeta) * sVp + Math.sqrt(Math.expm1(2 * zeta)) * xi[d];
      double expected = Math.exp(tauNext) * xVpNext;
      // both sides are a few roundings of numbers of size ≤ (t + 1)·|s|
      assertThat(x[d]).isCloseTo(expected, within(1e-12 * (t + 1) * 4));
    }
    assertThat(PaperVeSampler.driftCoefficient(t, tNext))
        .isCloseTo(2 * Math.expm1(zeta) * Math.exp(tau) * Math.exp(tauNext), within(1e-12 * (t + 1)));
  }

  @ParameterizedTest
  @CsvSource({"0.5, 0.4", "0.9, 0.8", "1e-2, 9.9e-3"})
  void thePrintedTypoGivesAnotherStepBelowOne(double t, double tNext) {
    double typo = 2 * ((t - 1) - Math.sqrt((tNext - 1) * (t - 1)));
    double right = PaperVeSampler.driftCoefficient(t, tNext);
    // below t = 1 the typo is real but points the wrong way: −2(1 − t) − 2√((1 − t')(1 − t)) < 0 < right
    assertThat(typo).isFinite().isNegative();
    assertThat(right).isPositive();
    assertThat(Math.abs(typo - right)).isGreaterThan(t - tNext);
    // for small steps the right coefficient is ≈ t − t', the Euler–Maruyama drift step
    assertThat(right).isCloseTo(t - tNext, within((t - tNext) * (t - tNext) + 1e-15));
  }
}

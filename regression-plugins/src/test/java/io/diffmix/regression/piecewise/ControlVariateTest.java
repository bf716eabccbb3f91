package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The control variate is exact: on a single Gaussian, whose posterior mean is affine, the coefficients of a
 * small-noise level with and without it agree in expectation, to within their standard errors over repeated
 * seeds; and with it their spread is several times smaller.
 */
class ControlVariateTest {
  private static final int SEEDS = 40;
  private static final int ROWS = 4000;
  private static final int N = 2;

  /** One level's cell coefficients, p × n for degree 1 (p = 3), from one seed's rows and noise. */
  private static double[] coefficients(long seed, double t, RegressionTarget target, boolean variate, Parallel par) {
    RandomGenerator rng = new RandomStreams(seed).stream("rows");
    double[] x = new double[ROWS * N];
    for (int q = 0; q < x.length; q++) {
      x[q] = 0.5 + rng.nextGaussian();
    }
    NoisyLevel level = new NoisyLevel(new Samples(x, ROWS, N), 1.0, target);
    level.draw(0, t, new RandomStreams(seed + 1000), par);
    VoronoiCells cells = VoronoiCells.of(new double[] {0.4, 0.6}, level, HoldOut.NONE, par);
    ControlVariate cv = variate ? ControlVariate.of(level, new double[x.length], HoldOut.NONE, par) : null;
    CellRegression regression = new CellRegression(0, target, 1e9);
    return regression.fit(level, cells, 1, par, cv).level().coefficients[0];
  }

  @ParameterizedTest(name = "t = {0}, target {1}")
  @CsvSource({"0.01, POSTERIOR_MEAN", "0.1, POSTERIOR_MEAN", "0.01, NOISE"})
  void unbiasedAndLessSpread(double t, RegressionTarget target) {
    int p = 3;
    double[][] plain = new double[SEEDS][];
    double[][] reduced = new double[SEEDS][];
    try (Parallel par = new Parallel(2)) {
      for (int s = 0; s < SEEDS; s++) {
        plain[s] = coefficients(s, t, target, false, par);
        reduced[s] = coefficients(s, t, target, true, par);
      }
    }
    double spreadPlain = 0;
    double spreadReduced = 0;
    for (int e = 0; e < p * N; e++) {
      double[] a = column(plain, e);
      double[] b = column(reduced, e);
      // the means differ by less than 4 standard errors of their difference (the unpaired one, which the
      // positive correlation of the two estimators on one seed's rows only makes larger)
      double se = Math.sqrt(variance(a) / SEEDS + variance(b) / SEEDS);
      assertThat(Math.abs(mean(a) - mean(b))).as("coefficient %d", e).isLessThan(4 * se);
      if (e >= N) {
        spreadPlain += variance(a);
        spreadReduced += variance(b);
      }
    }
    // The linear coefficients' residual per row and entry, with x = μ + σ0 g: plain Φ_c(y)(σ0 g − (σ0²/√t) ξ),
    // of sd at least σ0²/√t; reduced Φ_c(y) σ0 g − (σ0²/s) ξ_c ξ + √t Φ_c(x) ξ, of sd at most
    // σ0 + √3 σ0²/s + √t by the triangle inequality (E ξ⁴ = 3), with σ0 = 1 ≤ s here. Both go through the same
    // normal equations, so the ratio of the coefficients' spreads is at most (1 + √3 + √t)√t.
    double bound = (1 + Math.sqrt(3) + Math.sqrt(t)) * Math.sqrt(t);
    assertThat(Math.sqrt(spreadReduced / spreadPlain)).isLessThan(bound);
  }

  private static double[] column(double[][] rows, int e) {
    double[] c = new double[rows.length];
    for (int s = 0; s < rows.length; s++) {
      c[s] = rows[s][e];
    }
    return c;
  }

  private static double mean(double[] v) {
    double m = 0;
    for (double x : v) {
      m += x;
    }
    return m / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }
}

package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.random.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The balls' exact score against its log-density, and the log-density against Monte Carlo over Q0. */
class BallsMixtureScoreTest {
  private static BallsMixture balls(int n) {
    double[] centres = n == 2 ? new double[] {0, 0, 4, 0, 0, 4} : new double[] {0, 0, 0, 4, 0, 0, 0, 4, 1};
    return new BallsMixture(new double[] {0.5, 0.3, 0.2}, centres, n, 1.5, 1.0);
  }

  /** As the sphere's: central differences with h = 1e-4, to 1e-5 relative to |s| + 1/s. */
  @ParameterizedTest(name = "dim {0}, t {1}")
  @CsvSource({"2, 0.01", "2, 0.1", "2, 1", "2, 10", "3, 0.01", "3, 0.1", "3, 1", "3, 10"})
  void scoreIsTheGradientOfTheLogDensity(int n, double t) {
    BallsMixture b = balls(n);
    double[] points = new double[15 * n];
    b.sample(15, new RandomStreams(4).stream("probe"), points);
    double h = 1e-4;
    double[] out = new double[n];
    double[] lp = new double[1];
    double[] lm = new double[1];
    for (int i = 0; i < 15; i++) {
      double[] x = java.util.Arrays.copyOfRange(points, i * n, i * n + n);
      b.score(t, 1, x, 0, 1, out);
      for (int c = 0; c < n; c++) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[c] += h;
        minus[c] -= h;
        b.logDensity(t, 1, plus, 0, 1, lp);
        b.logDensity(t, 1, minus, 0, 1, lm);
        double fd = (lp[0] - lm[0]) / (2 * h);
        double scale = Math.abs(out[c]) + 1 / Math.sqrt(1 + t);
        assertThat(Math.abs(out[c] - fd) / scale).as("point %d coordinate %d", i, c).isLessThan(1e-5);
      }
    }
  }

  /**
   * p_t(y) = E_{μ~Q0} N(y; μ, s²I): 400,000 draws of μ estimate it with relative standard error
   * sd(N)/(mean·√M), computed from the same draws; the quadrature must lie within 5 of them.
   */
  @ParameterizedTest(name = "dim {0}, t {1}")
  @CsvSource({"2, 0.05", "3, 1"})
  void logDensityMatchesMonteCarloOverTheBalls(int n, double t) {
    BallsMixture b = balls(n);
    double[] y = new double[n];
    y[0] = 1.2;
    y[1] = 0.7;
    int m = 400_000;
    double[] mu = new double[m * n];
    // draws of μ alone: the mixture with σ0 → 0 samples Q0
    new BallsMixture(new double[] {0.5, 0.3, 0.2}, n == 2 ? new double[] {0, 0, 4, 0, 0, 4}
        : new double[] {0, 0, 0, 4, 0, 0, 0, 4, 1}, n, 1.5, 1e-300).sample(m, new RandomStreams(5).stream("mu"), mu);
    double s2 = 1 + t;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < m; i++) {
      double d2 = 0;
      for (int c = 0; c < n; c++) {
        d2 += (y[c] - mu[i * n + c]) * (y[c] - mu[i * n + c]);
      }
      double v = Math.exp(-d2 / (2 * s2)) / Math.pow(2 * Math.PI * s2, n / 2.0);
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / m;
    double se = Math.sqrt((sumSq / m - mean * mean) / m);
    double[] ld = new double[1];
    b.logDensity(t, 1, y, 0, 1, ld);
    assertThat(Math.exp(ld[0])).isCloseTo(mean, within(5 * se));
  }
}

package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.random.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The circle's and the sphere's exact scores are the gradients of their log-densities, to 1e-5 relative at
 * t ∈ {0.01, 0.1, 1, 10}. "Relative" is to |s| + 1/s, since the score vanishes on the ring itself (README, "Plugins and their parameters").
 */
class SphereMixtureScoreTest {

  @ParameterizedTest(name = "dim {0}, m {1}, t {2}, alpha {3}")
  @CsvSource({
      "2, 2, 0.01, 1", "2, 2, 0.1, 1", "2, 2, 1, 1", "2, 2, 10, 1",
      "3, 2, 0.01, 1", "3, 2, 10, 1",
      "4, 3, 0.01, 1", "4, 3, 0.1, 1", "4, 3, 1, 1", "4, 3, 10, 1",
      "3, 3, 1, 0.6", "2, 2, 0.1, 0.3"})
  void scoreIsTheGradientOfTheLogDensity(int dim, int m, double t, double alpha) {
    SphereMixture sm = new SphereMixture(dim, m, 4.0, 1.0);
    double[] points = new double[20 * dim];
    sm.sample(20, new RandomStreams(5).stream("probe"), points);
    for (int i = 0; i < points.length; i++) {
      points[i] *= alpha;
    }
    double s = Math.sqrt(1 + t);
    // h²·|∂³ log p|/6 with |∂³ log p| ≲ (r/s²)³ = 64, and round-off ε·|log p|/h: h = 1e-4 keeps both < 1e-7
    double h = 1e-4 * alpha;
    double[] out = new double[dim];
    double[] lp = new double[1];
    double[] lm = new double[1];
    for (int i = 0; i < 20; i++) {
      double[] x = java.util.Arrays.copyOfRange(points, i * dim, i * dim + dim);
      sm.score(t, alpha, x, 0, 1, out);
      for (int c = 0; c < dim; c++) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[c] += h;
        minus[c] -= h;
        sm.logDensity(t, alpha, plus, 0, 1, lp);
        sm.logDensity(t, alpha, minus, 0, 1, lm);
        double fd = (lp[0] - lm[0]) / (2 * h);
        double scale = Math.abs(out[c]) + 1 / (s * alpha);
        assertThat(Math.abs(out[c] - fd) / scale).as("point %d coordinate %d", i, c).isLessThan(1e-5);
      }
    }
  }
}

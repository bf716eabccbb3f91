package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.testkit.TestTargets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The exact score of a Gaussian mixture is the gradient of its log-density, at every time and schedule. */
class GaussianMixtureScoreTest {
  private final GaussianMixture gm = TestTargets.quickstart();
  private final double[][] points = {{0.3, -0.7}, {2.5, 0.1}, {4.0, 4.0}, {-3, 6}, {1.2, 2.2}};

  /**
   * Central differences with step h err by h²·|∂³ log p|/6 plus round-off ε·|log p|/h. With s² ≥ σ0² = 1 and
   * means 5 apart, |∂³ log p| ≲ (5/s²)³ = 125, so h = 1e-4 gives ≤ 2.1e-7 + 4.4e-11: tolerance 1e-6.
   */
  private static final double H = 1e-4;
  private static final double TOL = 1e-6;

  @ParameterizedTest
  @ValueSource(doubles = {0, 1e-3, 0.1, 1, 7.5, 100})
  void scoreIsTheGradientOfTheLogDensityUnderVe(double t) {
    checkAgainstFiniteDifferences(t, 1.0);
  }

  /**
   * The OU process at time τ is α = e^{−τ}, σ² = 1 − e^{−2τ}, so t_VE = e^{2τ} − 1 (docs/algorithm.md §1). Its
   * score, asked through (t_VE, α), is the gradient of its own log-density, computed here independently as the
   * mixture of N(e^{−τ}μ_j, (e^{−2τ}σ0² + 1 − e^{−2τ}) I).
   */
  @ParameterizedTest
  @ValueSource(doubles = {5e-4, 0.05, 0.5, 2, 4})
  void scoreThroughTheVeVpMapIsTheGradientOfTheOuDensity(double tau) {
    double alpha = Math.exp(-tau);
    double tVe = Math.expm1(2 * tau);
    double var = alpha * alpha * 1.0 + (1 - alpha * alpha);
    for (double[] p : points) {
      double[] out = new double[2];
      gm.score(tVe, alpha, p, 0, 1, out);
      for (int d = 0; d < 2; d++) {
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[d] += H;
        minus[d] -= H;
        double fd = (ouLogDensity(plus, alpha, var) - ouLogDensity(minus, alpha, var)) / (2 * H);
        assertThat(out[d]).as("tau=%s point=%s d=%d", tau, p, d).isCloseTo(fd, within(TOL));
      }
      double[] ld = new double[1];
      gm.logDensity(tVe, alpha, p, 0, 1, ld);
      assertThat(ld[0]).isCloseTo(ouLogDensity(p, alpha, var), within(1e-12 * (1 + Math.abs(ld[0]))));
    }
  }

  /** log Σ_j w_j N(x; α μ_j, var·I), written out directly. */
  private double ouLogDensity(double[] x, double alpha, double var) {
    double[] w = {0.5, 0.3, 0.2};
    double[][] mu = {{0, 0}, {5, 0}, {0, 5}};
    double sum = 0;
    for (int j = 0; j < 3; j++) {
      double d2 = 0;
      for (int d = 0; d < 2; d++) {
        double diff = x[d] - alpha * mu[j][d];
        d2 += diff * diff;
      }
      sum += w[j] * Math.exp(-d2 / (2 * var)) / (2 * Math.PI * var);
    }
    return Math.log(sum);
  }

  private void checkAgainstFiniteDifferences(double t, double alpha) {
    for (double[] p : points) {
      double[] out = new double[2];
      gm.score(t, alpha, p, 0, 1, out);
      for (int d = 0; d < 2; d++) {
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[d] += H;
        minus[d] -= H;
        double fd = (logDensity(plus, t, alpha) - logDensity(minus, t, alpha)) / (2 * H);
        assertThat(out[d]).as("t=%s point=%s d=%d", t, p, d).isCloseTo(fd, within(TOL));
      }
    }
  }

  private double logDensity(double[] x, double t, double alpha) {
    double[] out = new double[1];
    gm.logDensity(t, alpha, x, 0, 1, out);
    return out[0];
  }

  /** Far from every mean a raw exp underflows to 0/0; log-sum-exp gives the nearest component's score. */
  @Test
  void farPointsGetTheNearestComponentsScoreNotNaN() {
    double[] far = {1e4, 3};
    double[] out = new double[2];
    gm.score(0, 1, far, 0, 1, out);
    // the nearest mean is (5, 0); score = (μ − y)/σ0²
    assertThat(out[0]).isCloseTo(5 - 1e4, within(1e-9));
    assertThat(out[1]).isCloseTo(-3, within(1e-9));
    double[] ld = new double[1];
    gm.logDensity(0, 1, far, 0, 1, ld);
    assertThat(ld[0]).isFinite();
  }

  @Test
  void samplesHaveTheMixturesMeanWithinFiveStandardErrors() {
    int n = 200_000;
    var s = TestTargets.draw(gm, n, 42);
    double[] mean = new double[2];
    for (int i = 0; i < n; i++) {
      mean[0] += s.get(i, 0) / n;
      mean[1] += s.get(i, 1) / n;
    }
    // E x = (0.3·5, 0.2·5); Var x_0 = σ0² + Var(μ_0) = 1 + 0.3·25 − 1.5² = 6.25, so one standard error is 0.0056
    assertThat(mean[0]).isCloseTo(1.5, within(5 * Math.sqrt(6.25 / n)));
    assertThat(mean[1]).isCloseTo(1.0, within(5 * Math.sqrt((1 + 0.2 * 25 - 1.0) / n)));
  }
}

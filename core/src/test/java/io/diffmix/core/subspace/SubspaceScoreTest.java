package io.diffmix.core.subspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.Samples;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.target.GaussianMixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The subspace score: with the true span, the inner exact score of the projected mixture completed in closed form
 * is the exact score of the whole mixture, at every time and scale; and the span is found from rows.
 */
class SubspaceScoreTest {
  private static final int N = 6;
  /** An orthonormal pair in R^6, and three means x̄ + U a_j. */
  private static final double[] U = orthonormal();
  private static final double[] CENTRE = {1, -2, 0.5, 3, 0, -1};
  private static final double[][] A = {{4, 0}, {-2, 3}, {-2, -3}};
  private static final double[] W = {0.5, 0.3, 0.2};

  private static double[] orthonormal() {
    double[] u = new double[N * 2];
    double[] a = {1, 2, 0, -1, 1, 0.5};
    double[] b = {0, 1, 3, 1, -2, 1};
    double na = norm(a);
    for (int j = 0; j < N; j++) {
      a[j] /= na;
    }
    double dot = 0;
    for (int j = 0; j < N; j++) {
      dot += a[j] * b[j];
    }
    for (int j = 0; j < N; j++) {
      b[j] -= dot * a[j];
    }
    double nb = norm(b);
    for (int j = 0; j < N; j++) {
      u[j * 2] = a[j];
      u[j * 2 + 1] = b[j] / nb;
    }
    return u;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** The whole mixture, and its mean x̄ = CENTRE + U Σ w_j a_j. */
  private static GaussianMixture whole(double sigma0) {
    double[] means = new double[3 * N];
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < N; j++) {
        means[k * N + j] = CENTRE[j] + U[j * 2] * A[k][0] + U[j * 2 + 1] * A[k][1];
      }
    }
    return new GaussianMixture(W, means, N, sigma0);
  }

  private static MeanSpan trueSpan(double sigma0) {
    double[] abar = new double[2];
    for (int k = 0; k < 3; k++) {
      abar[0] += W[k] * A[k][0];
      abar[1] += W[k] * A[k][1];
    }
    double[] mean = new double[N];
    for (int j = 0; j < N; j++) {
      mean[j] = CENTRE[j] + U[j * 2] * abar[0] + U[j * 2 + 1] * abar[1];
    }
    return new MeanSpan(mean, U.clone(), 2, new double[N], sigma0 * sigma0);
  }

  /** The projected mixture: means a_j − ā in the span's coordinates. */
  private static GaussianMixture projected(double sigma0) {
    double[] abar = new double[2];
    for (int k = 0; k < 3; k++) {
      abar[0] += W[k] * A[k][0];
      abar[1] += W[k] * A[k][1];
    }
    double[] means = new double[6];
    for (int k = 0; k < 3; k++) {
      means[k * 2] = A[k][0] - abar[0];
      means[k * 2 + 1] = A[k][1] - abar[1];
    }
    return new GaussianMixture(W, means, 2, sigma0);
  }

  private static Samples draw(GaussianMixture g, int rows, long seed) {
    double[] out = new double[rows * N];
    g.sample(rows, new RandomStreams(seed).stream("rows"), out);
    return new Samples(out, rows, N);
  }

  @Test
  void withTheTrueSpanItIsTheExactScoreOfTheWholeMixture() {
    double sigma0 = 0.8;
    SubspaceScore s = SubspaceScore.of(trueSpan(sigma0), projected(sigma0));
    GaussianMixture exact = whole(sigma0);
    RandomGenerator rng = new RandomStreams(5).stream("points");
    int rows = 50;
    double[] x = new double[rows * N];
    for (int q = 0; q < x.length; q++) {
      x[q] = 4 * rng.nextGaussian();
    }
    for (double[] ta : new double[][] {{1e-3, 1}, {0.5, 1}, {40, 1}, {2.0, 0.3}}) {
      double[] got = new double[x.length];
      double[] want = new double[x.length];
      s.score(ta[0], ta[1], x, 0, rows, got);
      exact.score(ta[0], ta[1], x, 0, rows, want);
      for (int q = 0; q < x.length; q++) {
        // both are sums of a few terms of size |x|/t: rounding of order 1e-13 relative to them
        assertThat(got[q]).as("t %s, alpha %s, entry %d", ta[0], ta[1], q)
            .isCloseTo(want[q], within(1e-9 * (1 + Math.abs(want[q]))));
      }
      double[] div = new double[rows];
      double[] wantDiv = new double[rows];
      ((ScoreDivergence) s).scoreAndDivergence(ta[0], ta[1], x, rows, got, div);
      exact.scoreAndDivergence(ta[0], ta[1], x, rows, want, wantDiv);
      for (int i = 0; i < rows; i++) {
        assertThat(div[i]).isCloseTo(wantDiv[i], within(1e-9 * (1 + Math.abs(wantDiv[i]))));
      }
    }
  }

  @Test
  void theEdgeTestFindsTheSpanOfTheMeansFromRows() {
    GaussianMixture exact = whole(1.0);
    Samples rows = draw(exact, 100_000, 9);
    MeanSpan span = MeanSpan.of(rows, Subspace.AUTO, 1.0);
    assertThat(span.rank()).isEqualTo(2);
    // the four noise eigenvalues are σ0² = 1 up to the Marchenko–Pastur spread 2√(n/N) ≈ 0.015
    assertThat(span.complementVariance()).isCloseTo(1.0, within(0.02));
    // the estimated span holds the true one: |U_trueᵀ U_est| has singular values near 1
    double[] u = span.basis();
    for (int c = 0; c < 2; c++) {
      double captured = 0;
      for (int d = 0; d < 2; d++) {
        double dot = 0;
        for (int j = 0; j < N; j++) {
          dot += U[j * 2 + c] * u[j * 2 + d];
        }
        captured += dot * dot;
      }
      assertThat(captured).as("true direction %d in the estimated span", c).isCloseTo(1.0, within(1e-3));
    }
  }

  @Test
  void theSpanRoundTripsThroughItsBytes() throws IOException {
    MeanSpan span = MeanSpan.of(draw(whole(1.0), 2000, 1), Subspace.AUTO, 1.0);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    SubspaceScore.of(span, projected(1.0)).writeSpan(new DataOutputStream(b));
    MeanSpan back = SubspaceScore.readSpan(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
    assertThat(back.rank()).isEqualTo(span.rank());
    assertThat(back.mean()).isEqualTo(span.mean());
    assertThat(back.basis()).isEqualTo(span.basis());
    assertThat(back.eigenvalues()).isEqualTo(span.eigenvalues());
    assertThat(back.complementVariance()).isEqualTo(span.complementVariance());
  }
}

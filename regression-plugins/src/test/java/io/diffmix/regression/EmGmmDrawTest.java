package io.diffmix.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.random.RandomStreams;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** em-gmm's exact draws ({@code ClosedFormMixture}) have the fitted mixture's weights, means and covariances. */
class EmGmmDrawTest {
  private static final int N = 200_000;

  /**
   * Two components 20 apart (over 14 sd of either), so assigning each draw to the nearer mean is exact in
   * practice. Every tolerance is 5 standard errors at N = 2e5: a weight's is √(w(1 − w)/N) ≈ 0.001; a mean
   * coordinate's √(Σ_aa/N_j); a covariance entry's √((Σ_aa Σ_bb + Σ_ab²)/N_j). A square root taken as its
   * transpose, or the wrong eigenvalue scale, flips the off-diagonal sign or scales the variances, far outside.
   */
  @Test
  void drawsHaveTheMixturesMoments() {
    double[] w = {0.3, 0.7};
    double[] mu = {0, 0, 20, 1};
    double[][] cov = {{2, 0.8, 0.8, 1}, {0.5, -0.2, -0.2, 1.5}};
    EmGmmModel model = new EmGmmModel(w, mu, cov, 2);
    RandomGenerator rng = new RandomStreams(5).stream("draw");
    double[] x = new double[2 * N];
    for (int i = 0; i < N; i++) {
      model.drawClean(rng, x, 2 * i);
    }
    for (int j = 0; j < 2; j++) {
      double count = 0;
      double[] sum = new double[2];
      double[] sq = new double[4];
      for (int i = 0; i < N; i++) {
        int nearest = Math.abs(x[2 * i] - mu[0]) < Math.abs(x[2 * i] - mu[2]) ? 0 : 1;
        if (nearest != j) {
          continue;
        }
        count++;
        for (int a = 0; a < 2; a++) {
          sum[a] += x[2 * i + a];
          for (int b = 0; b < 2; b++) {
            sq[2 * a + b] += (x[2 * i + a] - mu[2 * j + a]) * (x[2 * i + b] - mu[2 * j + b]);
          }
        }
      }
      assertThat(count / N).as("weight %d", j).isCloseTo(w[j], within(5 * Math.sqrt(w[j] * (1 - w[j]) / N)));
      for (int a = 0; a < 2; a++) {
        assertThat(sum[a] / count).as("mean %d,%d", j, a)
            .isCloseTo(mu[2 * j + a], within(5 * Math.sqrt(cov[j][3 * a] / count)));
        for (int b = 0; b < 2; b++) {
          double c = cov[j][2 * a + b];
          double se = Math.sqrt((cov[j][3 * a] * cov[j][3 * b] + c * c) / count);
          assertThat(sq[2 * a + b] / count).as("covariance %d,%d%d", j, a, b).isCloseTo(c, within(5 * se));
        }
      }
    }
  }

  /** A draw reads only its generator: the same stream gives the same bits. */
  @Test
  void sameStreamSameBits() {
    EmGmmModel model = new EmGmmModel(new double[] {0.5, 0.5}, new double[] {0, 0, 3, 3},
        new double[][] {{1, 0.3, 0.3, 1}, {2, 0, 0, 0.5}}, 2);
    double[] a = new double[20];
    double[] b = new double[20];
    RandomGenerator ra = new RandomStreams(9).stream("sample", 4);
    RandomGenerator rb = new RandomStreams(9).stream("sample", 4);
    for (int i = 0; i < 10; i++) {
      model.drawClean(ra, a, 2 * i);
      model.drawClean(rb, b, 2 * i);
    }
    assertThat(a).containsExactly(b);
  }
}

package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarmStartsTest {

  /** Algorithm 2's greedy cover written the plain way: every pair's distance, every time. */
  private static double[] bruteForce(double[] mu, int rows, int n, double radius, double alphaMin) {
    double r2 = radius * radius;
    boolean[] covered = new boolean[rows];
    int uncovered = rows;
    int maxCentres = (int) Math.ceil(Math.log(1 / alphaMin) / alphaMin);
    List<double[]> centres = new ArrayList<>();
    while (uncovered > alphaMin / 2 * rows && centres.size() < maxCentres) {
      int best = -1;
      int bestCount = -1;
      for (int i = 0; i < rows; i++) {
        if (covered[i]) {
          continue;
        }
        int count = 0;
        for (int j = 0; j < rows; j++) {
          if (!covered[j] && dist2(mu, i, j, n) <= r2) {
            count++;
          }
        }
        if (count > bestCount) {
          best = i;
          bestCount = count;
        }
      }
      if (bestCount < alphaMin * rows / 4 && !centres.isEmpty()) {
        break;
      }
      centres.add(java.util.Arrays.copyOfRange(mu, best * n, best * n + n));
      for (int j = 0; j < rows; j++) {
        if (!covered[j] && dist2(mu, best, j, n) <= r2) {
          covered[j] = true;
          uncovered--;
        }
      }
    }
    double[] out = new double[centres.size() * n];
    for (int k = 0; k < centres.size(); k++) {
      System.arraycopy(centres.get(k), 0, out, k * n, n);
    }
    return out;
  }

  private static double dist2(double[] mu, int i, int j, int n) {
    double d2 = 0;
    for (int c = 0; c < n; c++) {
      double diff = mu[i * n + c] - mu[j * n + c];
      d2 += diff * diff;
    }
    return d2;
  }

  @ParameterizedTest(name = "n={0} k={1} radius={2}")
  @CsvSource({"1, 3, 0.7", "2, 3, 1.5", "2, 3, 2.6", "2, 8, 0.4", "3, 5, 1.0", "4, 4, 2.0", "6, 2, 3.0"})
  void theLeafCoverPicksWhatThePlainGreedyPicks(int n, int k, double radius) {
    // clusters, plus duplicated points and points on a lattice, so that ties and distances exactly at the
    // radius occur
    Random r = new Random(17L * n + k);
    int rows = 1500;
    double[] mu = new double[rows * n];
    for (int i = 0; i < rows; i++) {
      int cluster = i % k;
      for (int c = 0; c < n; c++) {
        double centre = 4.0 * ((cluster >> c) & 1) + cluster;
        mu[i * n + c] = i % 7 == 0 ? Math.rint(centre + r.nextGaussian()) * radius / 2
            : centre + 0.6 * r.nextGaussian();
      }
      if (i % 11 == 0 && i > 0) {
        System.arraycopy(mu, (i - 1) * n, mu, i * n, n);
      }
    }
    double alphaMin = 0.05;
    try (Parallel par = new Parallel(2)) {
      assertThat(WarmStarts.cover(mu, rows, n, radius, alphaMin, par))
          .containsExactly(bruteForce(mu, rows, n, radius, alphaMin));
    }
  }
}

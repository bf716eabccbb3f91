package io.diffmix.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.testkit.TestTargets;
import org.junit.jupiter.api.Test;

class MmdMetricTest {

  /** The blocked, parallel sums equal the textbook formula written out term by term. */
  @Test
  void equalsTheUnbiasedEstimatorWrittenOut() {
    Samples x = TestTargets.draw(TestTargets.quickstart(), 301, 1);
    Samples y = TestTargets.draw(TestTargets.quickstart(), 257, 2);
    double h = 1.7;
    double expected = naive(x, y, h);
    try (Parallel par = new Parallel(2)) {
      // the two differ only by summation order: ≤ (m² + n² + mn)·ε relative to terms of size ≤ 1
      assertThat(MmdMetric.mmd2(x, y, h, par)).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void medianHeuristicIsTheMedianPooledDistance() {
    Samples x = new Samples(new double[] {0, 0, 1, 0}, 2, 2);
    Samples y = new Samples(new double[] {0, 3}, 1, 2);
    // pooled points (0,0), (1,0), (0,3): distances 1, 3, √10; the median is 3
    assertThat(MmdMetric.medianBandwidth(x, y, 10)).isCloseTo(3.0, within(1e-15));
  }

  private static double naive(Samples x, Samples y, double h) {
    double g = 1 / (2 * h * h);
    double xx = 0;
    double yy = 0;
    double xy = 0;
    int m = x.rows();
    int n = y.rows();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i != j) {
          xx += k(x, i, x, j, g);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          yy += k(y, i, y, j, g);
        }
      }
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        xy += k(x, i, y, j, g);
      }
    }
    return xx / (m * (m - 1.0)) + yy / (n * (n - 1.0)) - 2 * xy / ((double) m * n);
  }

  private static double k(Samples a, int i, Samples b, int j, double g) {
    double d2 = 0;
    for (int c = 0; c < a.dim(); c++) {
      double diff = a.get(i, c) - b.get(j, c);
      d2 += diff * diff;
    }
    return Math.exp(-g * d2);
  }

  @net.jqwik.api.Property(tries = 200)
  void selectionFindsTheOrderStatistic(@net.jqwik.api.ForAll java.util.List<@net.jqwik.api.constraints.IntRange(min = -50, max = 50) Integer> values,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1000) int which) {
    net.jqwik.api.Assume.that(!values.isEmpty());
    double[] a = values.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] sorted = a.clone();
    java.util.Arrays.sort(sorted);
    int k = which % a.length;
    assertThat(MmdMetric.select(a, k)).isEqualTo(sorted[k]);
  }
}

package io.diffmix.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreErrorMetricTest {

  /**
   * A model off by a constant vector v has E|ŝ − s*|² = |v|² exactly, with no Monte Carlo error, so Theorem
   * 3.1's sum is Σ ln((t_{k+1} + 1)/(t_k + 1))·(t_{k+1} + 1)²|v|²/(t_k + 1) and Benton's is
   * Σ ½ ln((t_{k+1} + 1)/(t_k + 1))·(t_{k+1} + 1)|v|².
   */
  @Test
  void weightedSumsFollowTheirFormulas() {
    GaussianMixture gm = TestTargets.quickstart();
    double[] v = {0.3, -0.4};
    ScoreModel offset = new ScoreModel() {
      public int dim() {
        return 2;
      }

      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        gm.score(tVe, alpha, x, from, to, out);
        for (int i = from; i < to; i++) {
          out[2 * i] += v[0];
          out[2 * i + 1] += v[1];
        }
      }
    };
    double[] times = {50, 5, 0.5, 0.01};
    Metric.Result r;
    try (Parallel par = new Parallel(2)) {
      r = ScoreErrorMetric.measure(offset, gm, TestSchedules.ve(), times, 4000, new RandomStreams(1), par);
    }
    double e2 = v[0] * v[0] + v[1] * v[1];
    double weighted = 0;
    double benton = 0;
    double[] asc = {0.01, 0.5, 5, 50};
    for (int k = 0; k + 1 < asc.length; k++) {
      double step = Math.log((asc[k + 1] + 1) / (asc[k] + 1));
      weighted += step * (asc[k + 1] + 1) * (asc[k + 1] + 1) * e2 / (asc[k] + 1);
      benton += 0.5 * step * (asc[k + 1] + 1) * e2;
    }
    assertThat(r.values().get("weighted")).isCloseTo(weighted, within(1e-12 * weighted));
    assertThat(r.values().get("benton")).isCloseTo(benton, within(1e-12 * benton));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> perLevel = (List<Map<String, Object>>) r.details().get("per_level");
    // four levels and three halfway points, in increasing time
    assertThat(perLevel).hasSize(7);
    assertThat(perLevel.get(1).get("kind")).isEqualTo("halfway");
    assertThat((double) perLevel.get(1).get("t")).isCloseTo(Math.expm1(0.5 * (Math.log1p(0.01) + Math.log1p(0.5))),
        within(1e-12));
    for (Map<String, Object> row : perLevel) {
      assertThat((double) row.get("mse")).isCloseTo(e2, within(1e-12));
    }
  }

  /** The levels run at once, one per task: one thread and three give the same bits; the exact score's error is 0. */
  @Test
  void theBitsDoNotDependOnTheThreadsAndTheExactScoreHasNoError() {
    GaussianMixture gm = TestTargets.quickstart();
    ScoreModel scaled = new ScoreModel() {
      public int dim() {
        return 2;
      }

      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        gm.score(tVe, alpha, x, from, to, out);
        for (int q = 2 * from; q < 2 * to; q++) {
          out[q] *= 1.1;
        }
      }
    };
    double[] times = {50, 5, 0.5, 0.05, 0.01};
    Metric.Result one;
    Metric.Result three;
    Metric.Result exact;
    try (Parallel p1 = new Parallel(1); Parallel p3 = new Parallel(3)) {
      one = ScoreErrorMetric.measure(scaled, gm, TestSchedules.ve(), times, 2500, new RandomStreams(4), p1);
      three = ScoreErrorMetric.measure(scaled, gm, TestSchedules.ve(), times, 2500, new RandomStreams(4), p3);
      exact = ScoreErrorMetric.measure(gm, gm, TestSchedules.ve(), times, 2500, new RandomStreams(4), p3);
    }
    assertThat(three.values()).isEqualTo(one.values());
    assertThat(three.details()).isEqualTo(one.details());
    assertThat(one.values().get("weighted")).isPositive();
    assertThat(exact.values().get("weighted")).isEqualTo(0.0);
    assertThat(exact.values().get("benton")).isEqualTo(0.0);
  }
}

package io.diffmix.core.metrics;

import io.diffmix.core.config.Param;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TrueDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@code score-error} metric: the fitted score against the exact one, level by level, on fresh points of
 * P_t (README, "score-error").
 *
 * <ul>
 *   <li>{@code per_level}: relative_l2 = E|ŝ − s*|²/E|s*|² at every grid time, and halfway between
 *       consecutive times in τ = ½ ln(t_VE + 1), where a learned model interpolates;
 *   <li>{@code weighted}: Theorem 3.1's Σ_k ln((t_{k+1} + 1)/(t_k + 1))·ε²_{k+1}/(t_k + 1) in VE time, with
 *       ε² = (t + 1)²·E|ŝ − s*|² the error of the posterior mean, so the sum is a proxy of the KL for any σ0;
 *   <li>{@code benton}: Σ_k ½ ln((t_{k+1} + 1)/(t_k + 1))·(t_{k+1} + 1)·E|ŝ − s*|².
 * </ul>
 */
public final class ScoreErrorMetric {
  /** The {@code score-error} factory. */
  public static final MetricFactory<Config> FACTORY = new MetricFactory.Of<>("score-error",
      "fitted against exact score per level on fresh points of P_t, and the paper's weighted sum",
      List.of(Param.integer("points", 4000, "fresh points of P_t per level").atLeast(4000).atMost(10_000_000)),
      p -> new Config(p.integer("points")), ScoreErrorMetric::metric);

  public record Config(int points) {}

  private static Metric metric(Config c) {
    return Metric.model(true, input -> measure(input.model().orElseThrow(), input.truth().orElseThrow(),
        input.schedule(), input.times(), c.points(), input.streams(), input.parallel()));
  }

  /** Rows of one partial sum: fixed, so that the sums, and so the bits, do not depend on the thread count. */
  private static final int CHUNK = 1000;

  /**
   * E|ŝ − s*|² and E|s*|² at one time, from {@code points} fresh points of P_t, on the calling thread: the partial
   * sums over rows [0, 1000), [1000, 2000), … are added in that order.
   *
   * <p>For the exact score itself (the oracle's run) ŝ − s* is 0 at every point, so E|ŝ − s*|² is 0 and its
   * relative_l2 0 whatever E|s*|² is: nothing is drawn, and the row is {0, 0}, which {@link #row} reports as the
   * same zeros.
   */
  static double[] errorAt(ScoreModel model, TrueDistribution truth, Schedule schedule, double t, int points,
      RandomGenerator rng) {
    ScoreModel exactScore = truth.exactScore();
    if (model == exactScore) {
      return new double[] {0, 0};
    }
    int n = truth.dim();
    double[] x = new double[points * n];
    truth.sample(points, rng, x);
    double a = schedule.alpha(t);
    double sigma = schedule.sigma(t);
    for (int q = 0; q < x.length; q++) {
      x[q] = a * x[q] + sigma * rng.nextGaussian();
    }
    double tVe = schedule.veTime(t);
    double[] fitted = new double[x.length];
    double[] exactOut = new double[x.length];
    double err = 0;
    double norm = 0;
    for (int from = 0; from < points; from += CHUNK) {
      int to = Math.min(points, from + CHUNK);
      exactScore.score(tVe, a, x, from, to, exactOut);
      model.score(tVe, a, x, from, to, fitted);
      double e = 0;
      double m = 0;
      for (int q = from * n; q < to * n; q++) {
        double d = fitted[q] - exactOut[q];
        e += d * d;
        m += exactOut[q] * exactOut[q];
      }
      err += e;
      norm += m;
    }
    return new double[] {err / points, norm / points};
  }

  /** The grid's times from small to large and, between each two, the time halfway in τ = ½ ln(t_VE + 1). */
  static Metric.Result measure(ScoreModel model, TrueDistribution truth, Schedule schedule, double[] times,
      int points, RandomStreams streams, Parallel par) {
    double[] asc = times.clone();
    Arrays.sort(asc);
    int levels = asc.length;
    // every level and every halfway time has its own stream, so they are computed at once, one per task
    List<double[]> errors = par.mapChunks(2 * levels - 1, 1, (from, to) -> {
      int i = from;
      int k = i / 2;
      if (i % 2 == 0) {
        return errorAt(model, truth, schedule, asc[k], points, streams.stream("level", k));
      }
      return errorAt(model, truth, schedule, halfway(schedule, asc[k], asc[k + 1]), points,
          streams.stream("halfway", k));
    });
    double[] mse = new double[levels];
    List<Map<String, Object>> perLevel = new ArrayList<>();
    for (int k = 0; k < levels; k++) {
      double[] e = errors.get(2 * k);
      mse[k] = e[0];
      perLevel.add(row(asc[k], schedule, e, "level"));
      if (k + 1 < levels) {
        perLevel.add(row(halfway(schedule, asc[k], asc[k + 1]), schedule, errors.get(2 * k + 1), "halfway"));
      }
    }
    double weighted = 0;
    double benton = 0;
    for (int k = 0; k + 1 < levels; k++) {
      double tk = schedule.veTime(asc[k]);
      double tk1 = schedule.veTime(asc[k + 1]);
      double step = Math.log((tk1 + 1) / (tk + 1));
      // ε² = (t + 1)² E|ŝ − s*|², the posterior mean's error in VE time
      weighted += step * (tk1 + 1) * (tk1 + 1) * mse[k + 1] / (tk + 1);
      benton += 0.5 * step * (tk1 + 1) * mse[k + 1];
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("weighted", weighted);
    values.put("benton", benton);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("points_per_level", points);
    details.put("per_level", perLevel);
    return new Metric.Result(values, details);
  }

  /** Halfway in τ = ½ ln(t_VE + 1), where a learned model interpolates between its levels. */
  private static double halfway(Schedule schedule, double lo, double hi) {
    double tau = 0.25 * (Math.log1p(schedule.veTime(lo)) + Math.log1p(schedule.veTime(hi)));
    return schedule.timeOfVe(Math.expm1(2 * tau));
  }

  private static Map<String, Object> row(double t, Schedule schedule, double[] e, String kind) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("t", t);
    r.put("t_ve", schedule.veTime(t));
    r.put("kind", kind);
    r.put("relative_l2", e[1] > 0 ? e[0] / e[1] : 0.0);
    r.put("mse", e[0]);
    return r;
  }
}

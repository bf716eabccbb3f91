package io.diffmix.core.experiment;

import io.diffmix.core.config.Component;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TrueDistribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's metrics: their values for a sample, and their floors.
 *
 * <p>A floor is the mean of the same metric over independent pairs of true samples of the generated and the
 * reference sizes, and floor_sd their standard deviation. Floors are computed once and shared by the learned
 * run and its paired oracle run.
 */
public final class MetricSuite {
  private final List<Component<Metric>> metrics;
  private final Samples reference;
  private final Optional<TrueDistribution> truth;
  private final Schedule schedule;
  private final double[] times;
  private final RandomStreams streams;
  private final Parallel parallel;
  private final Optional<DataMoments> trainingMoments;

  public MetricSuite(
      List<Component<Metric>> metrics, Samples reference, Optional<TrueDistribution> truth, Schedule schedule,
      double[] times, RandomStreams streams, Parallel parallel) {
    this(metrics, reference, truth, schedule, times, streams, parallel, Optional.empty());
  }

  /** @param trainingMoments the training rows' moments: the prior that model metrics integrate from */
  public MetricSuite(
      List<Component<Metric>> metrics, Samples reference, Optional<TrueDistribution> truth, Schedule schedule,
      double[] times, RandomStreams streams, Parallel parallel, Optional<DataMoments> trainingMoments) {
    this.trainingMoments = trainingMoments;
    this.metrics = metrics;
    this.reference = reference;
    this.truth = truth;
    this.schedule = schedule;
    this.times = times;
    this.streams = streams;
    this.parallel = parallel;
  }

  /**
   * A metric's outcome.
   *
   * @param result its values, or null when skipped
   * @param skipped why it was skipped, or null
   * @param primaryField the field whose floor is reported as {@code floor}, or "" for none
   */
  public record Outcome(Metric.Result result, String skipped, String primaryField) {}

  /**
   * A floor: per field, the mean and standard deviation over the pairs.
   *
   * @param sizeA rows of each pair's generated-like side
   * @param sizeB rows of each pair's reference-like side
   * @param fromCache whether it came from a {@link FloorCache} instead of being computed here
   */
  public record Floor(Map<String, double[]> byField, int pairs, int sizeA, int sizeB, boolean fromCache) {
    Floor asCached() {
      return new Floor(byField, pairs, sizeA, sizeB, true);
    }
  }

  /** The index-th pair of independent true samples of (about) the requested sizes. */
  @FunctionalInterface
  public interface FloorPairs {
    Samples[] pair(int index, int sizeA, int sizeB);
  }

  /** Evaluates every metric on {@code generated}, with {@code model} for model metrics. */
  public Map<String, Outcome> evaluate(Samples generated, Optional<ScoreModel> model) {
    return evaluate(generated, model, new LinkedHashMap<>());
  }

  /** As above, putting each metric's wall-clock seconds into {@code seconds}. */
  public Map<String, Outcome> evaluate(Samples generated, Optional<ScoreModel> model, Map<String, Double> seconds) {
    Map<String, Outcome> out = new LinkedHashMap<>();
    for (Component<Metric> c : metrics) {
      Metric m = c.instance();
      Optional<String> skip = m.notApplicable(truth);
      if (skip.isPresent()) {
        out.put(c.name(), new Outcome(null, skip.get(), ""));
        continue;
      }
      if (!m.comparesSamples() && model.isEmpty()) {
        out.put(c.name(), new Outcome(null, "judges a fitted score model, and there is none here", ""));
        continue;
      }
      long t0 = System.nanoTime();
      out.put(c.name(), new Outcome(m.evaluate(input(c, generated, reference, model)), null,
          m.primaryField().orElse("")));
      seconds.put(c.name(), (System.nanoTime() - t0) / 1e9);
    }
    return out;
  }

  /** The floors of every sample metric that can run, over {@code pairs} pairs from the target. */
  public Map<String, Floor> floors(Target target, Target.TargetData data, int generated, int pairs) {
    return floors(target, data, generated, pairs, FloorCache.off(), null);
  }

  /**
   * As above, taking from {@code cache} each floor whose {@code key} it holds and computing only the others.
   *
   * @param key what the floors depend on, or null to compute every floor
   */
  public Map<String, Floor> floors(Target target, Target.TargetData data, int generated, int pairs,
      FloorCache cache, FloorKey key) {
    RandomStreams floorStreams = streams.child("floors");
    return floors((i, a, b) -> target.floorPair(i, a, b, data, floorStreams), generated, pairs, cache, key);
  }

  /** The floors over {@code pairs} pairs from {@code source}. */
  public Map<String, Floor> floors(FloorPairs source, int generated, int pairs) {
    return floors(source, generated, pairs, FloorCache.off(), null);
  }

  private Map<String, Floor> floors(FloorPairs source, int generated, int pairs, FloorCache cache, FloorKey key) {
    if (key == null) {
      return floorsOf(source, generated, pairs, cache, null);
    }
    return cache.exclusive(key.id(), () -> floorsOf(source, generated, pairs, cache, key));
  }

  private Map<String, Floor> floorsOf(FloorPairs source, int generated, int pairs, FloorCache cache, FloorKey key) {
    Map<String, Floor> known = new LinkedHashMap<>();
    List<Component<Metric>> toCompute = new ArrayList<>();
    for (Component<Metric> c : metrics) {
      if (c.instance().comparesSamples() && c.instance().notApplicable(truth).isEmpty()) {
        Optional<Floor> hit = key == null ? Optional.empty() : cache.get(key.of(c), c.name());
        if (hit.isPresent()) {
          known.put(c.name(), hit.get());
        } else {
          toCompute.add(c);
        }
      }
    }
    Map<String, Floor> computed = compute(source, generated, pairs, toCompute);
    Map<String, Floor> out = new LinkedHashMap<>();
    for (Component<Metric> c : metrics) {
      if (computed.containsKey(c.name())) {
        out.put(c.name(), computed.get(c.name()));
        if (key != null) {
          cache.put(key.of(c), c.name(), computed.get(c.name()));
        }
      } else if (known.containsKey(c.name())) {
        out.put(c.name(), known.get(c.name()));
      }
    }
    return out;
  }

  /**
   * Each metric over the same pairs. A metric's value on a pair depends on the pair and on its own stream alone,
   * so computing a subset of the metrics gives each of them the bits it has when all are computed.
   */
  private Map<String, Floor> compute(FloorPairs source, int generated, int pairs, List<Component<Metric>> todo) {
    Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
    if (todo.isEmpty()) {
      return Map.of();
    }
    int[] sizes = new int[2];
    for (int i = 0; i < pairs; i++) {
      Samples[] pair = source.pair(i, generated, reference.rows());
      sizes[0] = pair[0].rows();
      sizes[1] = pair[1].rows();
      for (Component<Metric> c : todo) {
        Metric.Result r = c.instance().evaluate(input(c, pair[0], pair[1], Optional.empty()));
        runs.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(r.values());
      }
    }
    Map<String, Floor> out = new LinkedHashMap<>();
    runs.forEach((name, list) -> {
      Map<String, double[]> byField = new LinkedHashMap<>();
      for (String field : list.get(0).keySet()) {
        double[] v = list.stream().mapToDouble(m -> m.get(field)).toArray();
        byField.put(field, meanAndSd(v));
      }
      out.put(name, new Floor(byField, pairs, sizes[0], sizes[1], false));
    });
    return out;
  }

  private Metric.Input input(Component<Metric> c, Samples generated, Samples ref, Optional<ScoreModel> model) {
    return new Metric.Input(generated, ref, truth, model, schedule, times, streams.child("metric:" + c.name()),
        parallel, trainingMoments);
  }

  /** The mean and the sample standard deviation (n − 1), summed in order. */
  public static double[] meanAndSd(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
    return new double[] {mean, sd};
  }
}

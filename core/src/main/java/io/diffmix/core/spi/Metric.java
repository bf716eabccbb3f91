package io.diffmix.core.spi;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A measure of how well a run did.
 *
 * <p>A sample metric compares generated points with reference points; the runner also reports its floor, the
 * same metric over independent pairs of true samples. A model metric judges the fitted score against the
 * truth, and has no floor.
 */
public interface Metric {

  /** Whether this metric compares two samples, so the runner reports a floor beside it. */
  default boolean comparesSamples() {
    return true;
  }

  /** Whether it needs the target's closed-form truth; such metrics are skipped for data files. */
  default boolean needsTruth() {
    return false;
  }

  /**
   * Why this metric cannot judge a run with this truth, or empty when it can. The runner then reports the metric
   * as skipped, with the reason, instead of evaluating it; a metric that needs a discrete mixture says so for a
   * continuous target. The default asks only for the truth when {@link #needsTruth} says so.
   */
  default Optional<String> notApplicable(Optional<TrueDistribution> truth) {
    return needsTruth() && truth.isEmpty()
        ? Optional.of("needs the closed-form truth, which a data file does not have") : Optional.empty();
  }

  /**
   * The field whose floor is reported as {@code floor} and {@code floor_sd}; other fields get
   * {@code <field>_floor} and {@code <field>_floor_sd}. Empty: every field gets the suffixed form.
   */
  default Optional<String> primaryField() {
    return Optional.of("value");
  }

  Result evaluate(Input input);

  /**
   * The metric's peak memory beyond its two samples, for samples of {@code rows} points each in {@code dim}
   * dimensions on {@code threads} threads, estimated before the run starts (see {@link Footprint}). The default
   * counts two more copies of both samples.
   */
  default Footprint footprint(int rows, int dim, int threads) {
    return new Footprint(Footprint.doubles(4.0 * rows * dim), "", "copies of the two samples");
  }

  /**
   * A sample metric given by its evaluation, for a plugin that needs no class of its own.
   *
   * @param primaryField as {@link #primaryField()}: the field whose floor is {@code floor}, or empty for every
   *     field's own {@code <field>_floor}
   * @param needsTruth as {@link #needsTruth()}
   */
  static Metric sample(Optional<String> primaryField, boolean needsTruth, Function<Input, Result> evaluation) {
    return new Of(true, needsTruth, primaryField, evaluation);
  }

  /** A model metric given by its evaluation: it judges {@code input.model()}, and has no floor. */
  static Metric model(boolean needsTruth, Function<Input, Result> evaluation) {
    return new Of(false, needsTruth, Optional.empty(), evaluation);
  }

  /** A metric given by how the runner treats it (the methods above of the same names) and its evaluation. */
  record Of(boolean comparesSamples, boolean needsTruth, Optional<String> primaryField,
      Function<Input, Result> evaluation) implements Metric {
    @Override
    public Result evaluate(Input input) {
      return evaluation.apply(input);
    }
  }

  /**
   * What a metric may look at.
   *
   * @param generated the points to judge
   * @param reference held-out true points of the same distribution
   * @param truth the closed-form truth, for synthetic targets
   * @param model the fitted score model, for model metrics
   * @param schedule the run's schedule
   * @param times the run's grid, in the schedule's time
   * @param streams random streams for the metric's own randomness, the same for value and floors
   * @param parallel worker threads
   * @param trainingMoments the training rows' moments, which fix the run's prior at the top time, when known
   */
  record Input(
      Samples generated,
      Samples reference,
      Optional<TrueDistribution> truth,
      Optional<ScoreModel> model,
      Schedule schedule,
      double[] times,
      RandomStreams streams,
      Parallel parallel,
      Optional<DataMoments> trainingMoments) {

    /** An input without the training moments, for metrics that do not need the prior. */
    public Input(Samples generated, Samples reference, Optional<TrueDistribution> truth,
        Optional<ScoreModel> model, Schedule schedule, double[] times, RandomStreams streams, Parallel parallel) {
      this(generated, reference, truth, model, schedule, times, streams, parallel, Optional.empty());
    }
  }

  /**
   * Named numbers, plus structured details (such as a per-level table) that have no floor.
   *
   * <p>The values keep the iteration order of the map given, and compare's table.csv has its columns in that
   * order: give an ordered map (a {@link LinkedHashMap}) when there are two values or more. {@code Map.of}'s order
   * is drawn anew by every JVM, so two runs, or two executors of a cluster, would write different tables; a map
   * of no defined order is therefore put in the order of its keys.
   */
  record Result(Map<String, Double> values, Map<String, Object> details) {
    public Result {
      values = java.util.Collections.unmodifiableMap(ordered(values));
      details = java.util.Collections.unmodifiableMap(ordered(details));
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
      boolean defined = m instanceof LinkedHashMap || m instanceof java.util.SortedMap || m.size() < 2;
      return defined ? new LinkedHashMap<>(m) : new LinkedHashMap<>(new java.util.TreeMap<>(m));
    }

    public static Result of(String key, double value) {
      return new Result(Map.of(key, value), Map.of());
    }
  }
}

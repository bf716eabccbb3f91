package io.diffmix.core.spi;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import java.util.Map;
import java.util.Optional;

/**
 * Fits a score model from training data, a schedule and a grid of levels.
 */
public interface Learner {

  FittedModel fit(Input input);

  /**
   * Whether the learner fits its score from the training rows alone, so that it may be given their coordinates in
   * the span of the means instead (the config's {@code subspace}); an oracle that reads the truth does not.
   */
  default boolean fitsInSubspace() {
    return true;
  }

  /**
   * The fewest training rows this learner fits on; fewer is bad input, refused before any work. The default
   * asks for two, the fewest that have a spread.
   */
  default int minTrainRows() {
    return 2;
  }

  /**
   * Why {@link #minTrainRows} is what it is, for the message and {@code diffmix plugins} ("a warm start and 5
   * rows for a degree-0 fit").
   */
  default String minTrainRowsReason() {
    return "two rows have a spread";
  }

  /**
   * The fit's peak memory beyond the training rows themselves, estimated before any work starts (see
   * {@link Footprint}). The default counts four copies of the training rows, which covers a learner that
   * keeps noisy copies of them level by level.
   */
  default Footprint footprint(Shape shape) {
    return new Footprint(Footprint.doubles(4.0 * shape.rows() * shape.dim()), "", "four copies of the training rows");
  }

  /**
   * The shape of a fit, known before it starts.
   *
   * @param rows training rows
   * @param dim their dimension
   * @param levels the grid's levels
   * @param threads the worker threads
   */
  record Shape(int rows, int dim, int levels, int threads) {}

  /**
   * What a learner sees.
   *
   * @param train the training rows, and nothing else of the data
   * @param schedule the schedule the model will be asked in
   * @param times the grid's levels in the schedule's time, decreasing
   * @param streams random streams derived from the run's seed
   * @param parallel the run's worker threads
   * @param oracleTruth the target's truth: only an oracle learner ({@code exact}) may read it
   * @param progress told after each fitted level
   */
  record Input(
      Samples train,
      Schedule schedule,
      double[] times,
      RandomStreams streams,
      Parallel parallel,
      Optional<TrueDistribution> oracleTruth,
      Progress progress) {}

  /**
   * A learner's result.
   *
   * @param model the fitted score
   * @param summary the learner's own facts for the report's {@code learner} block, in its own words: a learner
   *     that fits levels names {@code levels} and {@code cells_total} there (see {@link #LEVELS}), another
   *     learner its components or landmarks
   */
  record FittedModel(ScoreModel model, Map<String, Object> summary) {
    /**
     * The summary keys that the report's {@code learner} block always carries, 0 when a learner's summary
     * does not name them: the noise levels fitted and the regression cells summed over them.
     */
    public static final java.util.List<String> LEVELS = java.util.List.of("levels", "cells_total");

    /** The summary's whole number under {@code key}, or 0 when the learner did not name it. */
    public long count(String key) {
      return summary.get(key) instanceof Number v ? v.longValue() : 0;
    }
  }

  /** Receives progress: {@code done} of {@code total} units of work. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (done, total) -> {};

    void advanced(int done, int total);
  }
}

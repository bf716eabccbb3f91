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
   * @param levels how many noise levels were fitted (0 for learners without levels)
   * @param cellsTotal the number of regression cells summed over levels (0 if none)
   * @param summary extra facts for the report's {@code learner} block, such as the regression target
   */
  record FittedModel(ScoreModel model, int levels, int cellsTotal, Map<String, Object> summary) {}

  /** Receives progress: {@code done} of {@code total} units of work. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (done, total) -> {};

    void advanced(int done, int total);
  }
}

package io.diffmix.core.score;

import io.diffmix.core.spi.Schedule;

/** Evaluating a {@link ScoreModel} in a schedule's own time. */
public final class Scores {
  private Scores() {}

  /** The score of the schedule's marginal at its time t, on rows [from, to). */
  public static void evaluate(
      ScoreModel model, Schedule schedule, double t, double[] x, int from, int to, double[] out) {
    model.score(schedule.veTime(t), schedule.alpha(t), x, from, to, out);
  }
}

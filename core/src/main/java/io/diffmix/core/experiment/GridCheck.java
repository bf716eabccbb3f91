package io.diffmix.core.experiment;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.util.Arrays;

/** The checks every grid's output passes before a learner or sampler sees it, whoever wrote the grid. */
public final class GridCheck {
  private GridCheck() {}

  /**
   * The grid's times under the schedule, checked. A grid that rejects the schedule (their ranges do not
   * overlap, say) throws bad input from {@code times}; its message is prefixed with {@code where}, so that it
   * names the file and the key like every other.
   */
  public static double[] times(TimeGrid grid, Schedule schedule, DataMoments moments, String where) {
    double[] t;
    try {
      t = grid.times(schedule, moments);
    } catch (BadInputException e) {
      throw new BadInputException(where + ": " + e.getMessage(), e);
    }
    return check(t, schedule, where);
  }

  /**
   * Fails unless {@code times} is non-empty, finite, strictly decreasing and inside the schedule's range.
   *
   * @param where names the grid in the message, such as {@code "run.json: grid 'list'"}
   */
  public static double[] check(double[] times, Schedule schedule, String where) {
    if (times == null || times.length == 0) {
      throw new BadInputException(where + ": the grid has no times");
    }
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i])) {
        throw new BadInputException(where + ": time " + i + " is " + times[i] + "; valid: finite times");
      }
      if (i > 0 && !(times[i] < times[i - 1])) {
        throw new BadInputException(where + ": times must be strictly decreasing, but t[" + i + "] = " + times[i]
            + " follows t[" + (i - 1) + "] = " + times[i - 1]);
      }
    }
    double lo = times[times.length - 1];
    double hi = times[0];
    if (lo < schedule.tMin() || hi > schedule.tMax()) {
      throw new BadInputException(where + ": times span [" + lo + ", " + hi + "], outside the schedule's range ["
          + schedule.tMin() + ", " + schedule.tMax() + "]");
    }
    return Arrays.copyOf(times, times.length);
  }
}

package io.diffmix.schedules;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.Schedule;

/**
 * A grid's span in VE-equivalent time, intersected with the schedule's, and converted back to its time.
 *
 * <p>Grids are defined on the VE time v = σ²/α² (or on √v, or on λ = −½ ln v), so one grid serves every
 * schedule. A span that reaches past the schedule's range is cut to it; a span that misses it altogether is
 * bad input.
 *
 * @param top the largest VE time
 * @param bottom the smallest VE time
 */
record VeWindow(double top, double bottom) {

  /** The paper's data-dependent top T = 100·(M2 + n) (docs/algorithm.md §5), for grids whose t_max is auto. */
  static double defaultTop(DataMoments moments) {
    return 100 * (moments.secondMoment() + moments.dim());
  }

  /** [bottom, top] ∩ [v(tMin), v(tMax)], or bad input when it is empty (the runner prefixes the grid's name). */
  static VeWindow of(Schedule schedule, double top, double bottom) {
    double lo = schedule.veTime(schedule.tMin());
    double hi = schedule.veTime(schedule.tMax());
    double t = Math.min(top, hi);
    double b = Math.max(bottom, lo);
    if (!(t > b)) {
      throw new BadInputException("its VE-time range [" + bottom + ", " + top
          + "] does not overlap the schedule's [" + lo + ", " + hi + "]; valid: a range that overlaps it");
    }
    return new VeWindow(t, b);
  }

  /** The schedule's time of VE time v, kept inside its natural range against round-off. */
  static double time(Schedule schedule, double v) {
    return Math.min(schedule.tMax(), Math.max(schedule.tMin(), schedule.timeOfVe(v)));
  }
}

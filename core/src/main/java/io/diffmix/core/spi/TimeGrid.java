package io.diffmix.core.spi;

import io.diffmix.core.data.DataMoments;

/**
 * A time discretisation: decreasing times t_N > … > t_1 in a schedule's own time.
 *
 * <p>A grid is independent of the schedule: it is defined on the VE-equivalent time (or on σ, or on the
 * log-SNR) and converted through {@link Schedule#timeOfVe}.
 */
public interface TimeGrid {

  /**
   * The times, strictly decreasing, from the top time where sampling starts down to the last one.
   *
   * @param schedule the schedule whose time the result is in
   * @param moments the training data's moments, for data-dependent defaults such as T = 100·(M2 + n)
   */
  double[] times(Schedule schedule, DataMoments moments);
}

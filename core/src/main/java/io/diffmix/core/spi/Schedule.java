package io.diffmix.core.spi;

/**
 * A noise schedule: X_t = α(t) X_0 + σ(t) Z.
 *
 * <p>Every schedule meets the others through its VE-equivalent time t_VE = σ²/α², increasing in t. Grids and
 * learned models are expressed in it, so any learner, grid and sampler combine with any schedule.
 */
public interface Schedule {

  /** The signal scale α(t). */
  double alpha(double t);

  /** The noise scale σ(t). */
  double sigma(double t);

  /** d log α / dt. */
  double dLogAlpha(double t);

  /** d σ² / dt. */
  double dSigma2(double t);

  /** The smallest time of the schedule's natural range. */
  double tMin();

  /** The largest time of the schedule's natural range. */
  double tMax();

  /** The VE-equivalent time σ²/α² of time t. */
  default double veTime(double t) {
    double a = alpha(t);
    double s = sigma(t);
    return s * s / (a * a);
  }

  /** The time t whose VE-equivalent time is tVe; the inverse of {@link #veTime}. */
  double timeOfVe(double tVe);
}

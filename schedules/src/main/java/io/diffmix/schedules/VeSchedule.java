package io.diffmix.schedules;

import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.ScheduleFactory;

/**
 * The paper's variance-exploding process dy = dW: α = 1, σ² = t, so P_t = P0 * N(0, t I) and the VE-equivalent
 * time is t itself.
 */
public final class VeSchedule implements Schedule {
  /** The {@code ve} factory. */
  public static final ScheduleFactory<NoParams> FACTORY = ScheduleFactory.of("ve",
      "the paper's variance-exploding process: alpha = 1, sigma^2 = t", VeSchedule::new);

  @Override
  public double alpha(double t) {
    return 1;
  }

  @Override
  public double sigma(double t) {
    return Math.sqrt(t);
  }

  @Override
  public double dLogAlpha(double t) {
    return 0;
  }

  @Override
  public double dSigma2(double t) {
    return 1;
  }

  @Override
  public double tMin() {
    return 0;
  }

  @Override
  public double tMax() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public double veTime(double t) {
    return t;
  }

  @Override
  public double timeOfVe(double tVe) {
    return tVe;
  }
}

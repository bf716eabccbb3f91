package io.diffmix.schedules;

import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.ScheduleFactory;

/**
 * Karras et al. (2022), "Elucidating the design space", their choice σ(t) = t, s(t) = 1: α = 1, σ = t, so the
 * VE-equivalent time is t² and the probability-flow ODE is dx/dt = −t ∇log p_t(x) = (x − D(x; t))/t.
 */
public final class EdmSchedule implements Schedule {
  /** The {@code edm} factory. */
  public static final ScheduleFactory<NoParams> FACTORY = ScheduleFactory.of("edm",
      "Karras et al. (EDM): alpha = 1, sigma = t", EdmSchedule::new);

  @Override
  public double alpha(double t) {
    return 1;
  }

  @Override
  public double sigma(double t) {
    return t;
  }

  @Override
  public double dLogAlpha(double t) {
    return 0;
  }

  @Override
  public double dSigma2(double t) {
    return 2 * t;
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
    return t * t;
  }

  @Override
  public double timeOfVe(double tVe) {
    return Math.sqrt(tVe);
  }
}

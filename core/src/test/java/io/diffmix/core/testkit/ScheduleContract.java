package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.registry.Family;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.ScheduleFactory;
import org.junit.jupiter.api.Test;

/**
 * The schedule contract: α > 0, the VE-equivalent time increasing and inverted by {@code timeOfVe}, and the
 * stated derivatives equal to central differences.
 */
public abstract class ScheduleContract extends PluginContract<ScheduleFactory<?>> {

  @Override
  protected final Family<ScheduleFactory<?>> family() {
    return Family.SCHEDULE;
  }

  /** Interior times of the natural range at which to check. */
  protected double[] probeTimes(Schedule s) {
    double lo = s.tMin();
    double hi = Double.isInfinite(s.tMax()) ? lo + 100 : s.tMax();
    double[] t = new double[9];
    for (int i = 0; i < t.length; i++) {
      t[i] = lo + (hi - lo) * (i + 0.5) / t.length;
    }
    return t;
  }

  @Test
  void veTimeIsIncreasingAndInvertible() {
    Schedule s = create(exampleConfig());
    double previous = -1;
    for (double t : probeTimes(s)) {
      double ve = s.veTime(t);
      assertThat(s.alpha(t)).isPositive();
      assertThat(ve).isGreaterThan(previous);
      previous = ve;
      // timeOfVe ∘ veTime = id, to the conditioning of the map: |dt| ≈ ε·t_VE / (d t_VE/dt)
      assertThat(s.timeOfVe(ve)).isCloseTo(t, within(1e-9 * (1 + Math.abs(t))));
    }
  }

  @Test
  void derivativesMatchCentralDifferences() {
    Schedule s = create(exampleConfig());
    for (double t : probeTimes(s)) {
      double h = 1e-5 * Math.max(1, Math.abs(t));
      double dLogAlpha = (Math.log(s.alpha(t + h)) - Math.log(s.alpha(t - h))) / (2 * h);
      double dSigma2 = (sq(s.sigma(t + h)) - sq(s.sigma(t - h))) / (2 * h);
      // central differences err by h²·f'''/6 plus round-off ε·|f|/h: 1e-6 relative covers both here
      assertThat(s.dLogAlpha(t)).isCloseTo(dLogAlpha, within(1e-6 * (1 + Math.abs(dLogAlpha))));
      assertThat(s.dSigma2(t)).isCloseTo(dSigma2, within(1e-6 * (1 + Math.abs(dSigma2))));
    }
  }

  private static double sq(double v) {
    return v * v;
  }
}

package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.spi.Schedule;
import org.junit.jupiter.api.Test;

/**
 * The schedule contract, plus precision near the data: grids reach VE times of 4e-6 (Karras' σ_min² ) and
 * below, where a formula such as 1 − cos²φ/cos²φ0 or acos(…) loses most of its digits to cancellation. The
 * VE time and its inverse must keep their relative precision there: veTime(timeOfVe(v)) = v to 1e-12
 * relative, a few roundings of a well-conditioned map.
 */
public abstract class SchedulePrecisionContract extends ScheduleContract {

  @Test
  void veTimeKeepsItsRelativePrecisionNearTheData() {
    Schedule s = create(exampleConfig());
    double top = s.veTime(s.tMax());
    for (double v : new double[] {1e-12, 1e-9, 4e-6, 1e-3, 0.1, 10}) {
      if (v < top) {
        double t = s.timeOfVe(v);
        assertThat(t).as("timeOfVe(%s)", v).isGreaterThan(s.tMin());
        assertThat(s.veTime(t)).as("veTime(timeOfVe(%s))", v).isCloseTo(v, within(1e-12 * v));
      }
    }
  }
}

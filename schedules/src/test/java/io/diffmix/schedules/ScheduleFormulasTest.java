package io.diffmix.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.spi.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each schedule against its paper's formula, and its VE time inverted with full precision near t = 0. */
class ScheduleFormulasTest {

  @Test
  void vpIsTheOrnsteinUhlenbeckProcessInThePapersVpTime() {
    Schedule vp = new VpSchedule(20);
    for (double tau : new double[] {1e-6, 0.01, 0.5, 3, 15}) {
      // docs/algorithm.md §1: x_τ = e^{−τ} y_{e^{2τ}−1}, so α = e^{−τ} and t_VE = e^{2τ} − 1
      assertThat(vp.alpha(tau)).isCloseTo(Math.exp(-tau), within(1e-15));
      assertThat(vp.veTime(tau)).isCloseTo(Math.exp(2 * tau) - 1, within(1e-13 * Math.exp(2 * tau)));
      assertThat(vp.alpha(tau) * vp.alpha(tau) + vp.sigma(tau) * vp.sigma(tau)).isCloseTo(1, within(1e-15));
    }
  }

  @Test
  void vpLinearIntegratesBeta() {
    Schedule s = new VpLinearSchedule(0.1, 20);
    // ᾱ(1) = exp(−(0.1 + 19.9/2)) = exp(−10.05), the DDPM value at T
    assertThat(s.alpha(1) * s.alpha(1)).isCloseTo(Math.exp(-10.05), within(1e-18));
    // β(t) = −2 d ln α/dt runs from 0.1 to 20
    assertThat(-2 * s.dLogAlpha(0)).isCloseTo(0.1, within(1e-15));
    assertThat(-2 * s.dLogAlpha(1)).isCloseTo(20, within(1e-13));
    assertThat(s.alpha(0.3) * s.alpha(0.3) + s.sigma(0.3) * s.sigma(0.3)).isCloseTo(1, within(1e-15));
  }

  @Test
  void vpCosineIsNicholAndDhariwalsAlphaBarWithItsClip() {
    double sOff = 0.008;
    Schedule s = new VpCosineSchedule(sOff, 999);
    for (double t : new double[] {0, 0.1, 0.5, 0.9}) {
      double f = Math.pow(Math.cos((t + sOff) / (1 + sOff) * Math.PI / 2), 2);
      double f0 = Math.pow(Math.cos(sOff / (1 + sOff) * Math.PI / 2), 2);
      assertThat(s.alpha(t) * s.alpha(t)).isCloseTo(f / f0, within(1e-15));
      assertThat(s.alpha(t) * s.alpha(t) + s.sigma(t) * s.sigma(t)).isCloseTo(1, within(1e-14));
    }
    // the range ends where β = −2 d ln α/dt reaches the clip, just short of the singularity at t = 1
    assertThat(-2 * s.dLogAlpha(s.tMax())).isCloseTo(999, within(1e-8));
    assertThat(s.tMax()).isBetween(0.99, 1.0);
    assertThat(s.veTime(s.tMax())).isFinite().isGreaterThan(1e4);
  }

  @Test
  void edmHasSigmaEqualToTime() {
    Schedule s = new EdmSchedule();
    assertThat(s.sigma(3.5)).isEqualTo(3.5);
    assertThat(s.veTime(3.5)).isEqualTo(12.25);
    assertThat(s.timeOfVe(12.25)).isEqualTo(3.5);
  }

  /** Grids reach VE times of 4e-6 (karras' σ_min² ); the inverse must keep its relative precision there. */
  @ParameterizedTest
  @ValueSource(doubles = {1e-12, 4e-6, 1e-3, 0.5, 30, 2e4})
  void timeOfVeInvertsVeTimeToRelativePrecision(double v) {
    for (Schedule s : new Schedule[] {new VeSchedule(), new VpSchedule(20), new VpLinearSchedule(0.1, 20),
        new VpCosineSchedule(0.008, 999), new EdmSchedule()}) {
      if (v > s.veTime(s.tMax())) {
        continue;
      }
      double t = s.timeOfVe(v);
      // both maps are a handful of correctly rounded operations, each off by ≤ 1 ulp relative
      assertThat(s.veTime(t)).as(s.getClass().getSimpleName()).isCloseTo(v, within(1e-13 * v));
    }
  }
}

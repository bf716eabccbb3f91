package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from Abramowitz and Stegun, Table 9.8, and the closed form of I_{1/2}. */
class BesselTest {
  @Test
  void matchesTabulatedValues() {
    double i0at1 = 1.2660658777520082;
    double i1at1 = 0.5651591039924851;
    double i0at10 = 2815.716628466254;
    double i1at10 = 2670.988303701255;
    assertThat(Bessel.ratio(1, 1)).isCloseTo(i1at1 / i0at1, within(1e-15));
    assertThat(Bessel.ratio(1, 10)).isCloseTo(i1at10 / i0at10, within(1e-15));
    assertThat(Bessel.logScaled(0, 1)).isCloseTo(Math.log(i0at1), within(1e-15));
    assertThat(Bessel.logScaled(0, 10)).isCloseTo(Math.log(i0at10), within(1e-14));
    assertThat(Bessel.logScaled(1, 10)).isCloseTo(Math.log(0.2 * i1at10), within(1e-14));
    assertThat(Bessel.logScaled(0, 0)).isEqualTo(0.0);
  }

  /** I_{1/2}(x) = √(2/(πx)) sinh x and I_{3/2}/I_{1/2} = coth x − 1/x, on both sides of the asymptotic switch. */
  @Test
  void matchesTheHalfIntegerClosedForms() {
    for (double x : new double[] {1e-3, 0.5, 5, 50, 699, 701, 5e3, 1e5}) {
      double logSinh = x + Math.log1p(-Math.exp(-2 * x)) - Math.log(2);
      double expected = Math.log(2 / (x * Math.sqrt(Math.PI))) + logSinh;
      assertThat(Bessel.logScaled(0.5, x)).as("x=%s", x).isCloseTo(expected, within(1e-13 * (1 + Math.abs(expected))));
      double coth = 1 / Math.tanh(x);
      // coth x − 1/x loses digits to cancellation for small x: compare with its series x/3 − x³/45 there
      double ratio = x < 1e-2 ? x / 3 - x * x * x / 45 : coth - 1 / x;
      assertThat(Bessel.ratio(1.5, x)).as("x=%s", x).isCloseTo(ratio, within(1e-12 * ratio));
    }
  }
}

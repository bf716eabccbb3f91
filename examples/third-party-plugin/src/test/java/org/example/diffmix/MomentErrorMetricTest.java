package org.example.diffmix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.data.Samples;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestTargets;
import org.junit.jupiter.api.Test;

/** What moment-error measures: a shift moves the mean error only; a scaling by 2 quadruples the covariance. */
class MomentErrorMetricTest {
  private static final Samples REF = TestTargets.draw(TestTargets.quickstart(), 500, 3);

  private static Samples mapped(Samples s, double scale, double[] shift) {
    double[] out = new double[s.rows() * s.dim()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scale * s.data()[i] + shift[i % s.dim()];
    }
    return new Samples(out, s.rows(), s.dim());
  }

  @Test
  void theSameSampleHasNoError() {
    double[] e = MomentErrorMetric.errors(REF, REF, false);
    assertThat(e).containsExactly(0, 0);
  }

  @Test
  void aShiftByCGivesMeanErrorAbsCAndNoCovarianceError() {
    double[] e = MomentErrorMetric.errors(mapped(REF, 1, new double[] {3, 4}), REF, false);
    assertThat(e[0]).isCloseTo(5, within(1e-12));
    double scale = MomentErrorMetric.errors(REF, mapped(REF, 0, new double[] {0, 0}), false)[1];
    assertThat(e[1]).isLessThan(1e-12 * scale);
  }

  @Test
  void doublingThePointsAboutTheirMeanGivesThreeTimesTheCovarianceNorm() {
    GaussianMixture gm = TestTargets.quickstart();
    assertThat(gm.dim()).isEqualTo(2);
    double[] m = {0, 0};
    for (int i = 0; i < REF.rows(); i++) {
      m[0] += REF.get(i, 0) / REF.rows();
      m[1] += REF.get(i, 1) / REF.rows();
    }
    // 2x − m has mean m and covariance 4C: |4C − C|_F = 3|C|_F
    Samples doubled = mapped(REF, 2, new double[] {-m[0], -m[1]});
    double[] e = MomentErrorMetric.errors(doubled, REF, true);
    assertThat(e[0]).isLessThan(1e-12);
    assertThat(e[1]).isCloseTo(3, within(1e-12));
  }
}

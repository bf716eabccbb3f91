package io.diffmix.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each grid against its definition, under schedules whose time is not the VE time. */
class GridFormulasTest {
  private static final DataMoments MOMENTS = new DataMoments(2, 1000, new double[] {1.5, 1}, 14.5, 5.4);

  @Test
  void karrasIsEquationFiveInSigma() {
    double[] t = new KarrasGrid(new KarrasGrid.Config(18, 0.002, 80, 7)).times(new EdmSchedule(), MOMENTS);
    assertThat(t).hasSize(19);
    for (int i = 0; i <= 18; i++) {
      double expected = Math.pow(Math.pow(80, 1 / 7.0) + i / 18.0 * (Math.pow(0.002, 1 / 7.0)
          - Math.pow(80, 1 / 7.0)), 7);
      // under edm the schedule's time is σ itself
      assertThat(t[i]).isCloseTo(expected, within(1e-13 * expected));
    }
  }

  @Test
  void logSnrTakesEqualStepsInLambda() {
    Schedule vp = new VpLinearSchedule(0.1, 20);
    double[] t = new LogSnrGrid(new GridEnds(25, 1e-3, 1000)).times(vp, MOMENTS);
    double step = lambda(vp, t[1]) - lambda(vp, t[0]);
    assertThat(step).isCloseTo(0.5 * Math.log(1e6) / 25, within(1e-12));
    for (int i = 1; i < t.length; i++) {
      assertThat(lambda(vp, t[i]) - lambda(vp, t[i - 1])).isCloseTo(step, within(1e-9));
    }
  }

  private static double lambda(Schedule s, double t) {
    return Math.log(s.alpha(t) / s.sigma(t));
  }

  @Test
  void uniformTakesEqualStepsInTheSchedulesTime() {
    Schedule vp = new VpSchedule(20);
    double[] t = new UniformGrid(new GridEnds(10, 1e-3, 1000)).times(vp, MOMENTS);
    assertThat(t[0]).isCloseTo(0.5 * Math.log1p(1000), within(1e-15));
    assertThat(t[10]).isCloseTo(0.5 * Math.log1p(1e-3), within(1e-18));
    for (int i = 1; i < t.length; i++) {
      assertThat(t[i - 1] - t[i]).isCloseTo((t[0] - t[10]) / 10, within(1e-14));
    }
  }

  @Test
  void theDefaultTopIsThePapersAndIsCutToTheSchedulesRange() {
    // T = 100 (M2 + n) = 1650 under ve; vp-linear reaches only e^{10.05} − 1 ≈ 23200, so it is kept
    assertThat(new UniformGrid(new GridEnds(5, 1e-3, Double.NaN)).times(new VeSchedule(), MOMENTS)[0])
        .isEqualTo(1650);
    // vp-cosine with a low clip reaches only a small VE time: the top is cut to it
    Schedule cosine = new VpCosineSchedule(0.008, 5);
    double[] t = new LogSnrGrid(new GridEnds(5, 1e-3, Double.NaN)).times(cosine, MOMENTS);
    assertThat(t[0]).isCloseTo(cosine.tMax(), within(1e-14));
  }

  @Test
  void aGridThatMissesTheSchedulesRangeIsBadInput() {
    Schedule cosine = new VpCosineSchedule(0.008, 5);
    double vMax = cosine.veTime(cosine.tMax());
    assertThatThrownBy(() -> new KarrasGrid(new KarrasGrid.Config(10, Math.sqrt(2 * vMax), Math.sqrt(4 * vMax), 7))
        .times(cosine, MOMENTS))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not overlap the schedule's");
  }

  @Test
  void aListIsTakenAsGivenOrFromVeTime() {
    Schedule vp = new VpSchedule(20);
    assertThat(new ListGrid(new ListGrid.Config(List.of(2.0, 1.0, 0.1), false)).times(vp, MOMENTS))
        .containsExactly(2.0, 1.0, 0.1);
    assertThat(new ListGrid(new ListGrid.Config(List.of(3.0, 1e-3), true)).times(vp, MOMENTS))
        .containsExactly(0.5 * Math.log1p(3), 0.5 * Math.log1p(1e-3));
  }
}

package io.diffmix.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.diffmix.core.config.BadInputException;

import org.junit.jupiter.api.Test;

/**
 * The paper's grid: t_k + 1 = (t_{k+1} + 1)·max{e^{−2κ}, (t_{k+1} + 1)^{−κ}}. In τ = ½ ln(t + 1) the first branch
 * is τ_k = τ_{k+1} − κ (constant steps, far from the data, while t + 1 > e²), and the second is
 * τ_k = (1 − κ)τ_{k+1} (geometric steps near it).
 */
class PaperGridTest {
  private static final double KAPPA = 0.05;
  private static final double T1 = 1e-3;
  private static final double TOP = 1650;

  private static double tau(double t) {
    return 0.5 * Math.log1p(t);
  }

  @Test
  void decreasesFromTheTopAndEndsAtT1() {
    double[] t = PaperGrid.veTimes(KAPPA, TOP, T1);
    assertThat(t[0]).isEqualTo(TOP);
    assertThat(t[t.length - 1]).isEqualTo(T1);
    for (int i = 1; i < t.length; i++) {
      assertThat(t[i]).isLessThan(t[i - 1]);
    }
  }

  @Test
  void constantStepsInTauFarFromTheDataAndGeometricStepsNearIt() {
    double[] t = PaperGrid.veTimes(KAPPA, TOP, T1);
    int constant = 0;
    int geometric = 0;
    double tauFirstGeometric = Double.NaN;
    // every step but the last (which is cut to t1) follows one branch or the other exactly
    for (int i = 1; i < t.length - 1; i++) {
      double hi = tau(t[i - 1]);
      double lo = tau(t[i]);
      if (t[i - 1] + 1 > Math.exp(2)) {
        assertThat(hi - lo).as("step %d", i).isCloseTo(KAPPA, within(1e-12));
        constant++;
      } else {
        assertThat(lo / hi).as("step %d", i).isCloseTo(1 - KAPPA, within(1e-12));
        if (geometric++ == 0) {
          tauFirstGeometric = hi;
        }
      }
    }
    // ⌈(τ_T − 1)/κ⌉ constant steps bring τ to 1; from there τ_g(1 − κ)^k stays above τ(t1) for
    // ⌈ln(τ_g/τ(t1))/−ln(1 − κ)⌉ − 1 steps, and one last step is cut to t1: 55 + 147 + 1 here (docs/algorithm.md §5)
    assertThat(constant).isEqualTo((int) Math.ceil((tau(TOP) - 1) / KAPPA));
    assertThat(geometric).isEqualTo(
        (int) Math.ceil(Math.log(tauFirstGeometric / tau(T1)) / -Math.log1p(-KAPPA)) - 1);
    assertThat(t.length - 1).isEqualTo(constant + geometric + 1);
  }

  @Test
  void stepsSolveForKappa() {
    for (int steps : new int[] {1, 2, 10, 57, 200, 1000}) {
      double kappa = PaperGrid.kappaForSteps(steps, TOP, T1);
      assertThat(PaperGrid.veTimes(kappa, TOP, T1)).hasSize(steps + 1);
    }
  }

  @Test
  void theClosedFormStepCountMatchesTheRecurrence() {
    // the estimate drops only the ceilings of the two branches and the cut last step: at most 3 steps apart
    for (double kappa : new double[] {0.5, 0.05, 0.01, 0.001}) {
      int steps = PaperGrid.veTimes(kappa, TOP, T1).length - 1;
      assertThat(PaperGrid.estimatedSteps(kappa, TOP, T1)).as("kappa %s", kappa).isCloseTo(steps, within(3.0));
    }
  }

  @Test
  void aKappaThatWouldGiveBillionsOfLevelsIsRefusedWithTheSmallestKappaThatFits() {
    assertThatThrownBy(() -> PaperGrid.veTimes(1e-9, TOP, T1))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("kappa: 1.0E-9 gives about 1.03e+10 levels")
        .hasMessageContaining("above the cap of 1000001; valid: kappa >= ");
    String message = catchThrowable(() -> PaperGrid.veTimes(1e-9, TOP, T1)).getMessage();
    double smallest = Double.parseDouble(message.substring(message.lastIndexOf(">= ") + 3));
    // the suggested kappa fits; a third less does not (the estimate is a few steps off, not a third)
    assertThat(PaperGrid.veTimes(smallest, TOP, T1).length).isLessThanOrEqualTo(PaperGrid.MAX_LEVELS);
    assertThatThrownBy(() -> PaperGrid.veTimes(smallest / 1.5, TOP, T1)).isInstanceOf(BadInputException.class);
  }
}

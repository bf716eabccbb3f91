package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Learner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper's learner's memory estimate, and the 5p rule it rests on, where p is too big for an int. */
class FitFootprintTest {
  private static PiecewisePolynomialLearner.Config degree(int d) {
    return new PiecewisePolynomialLearner.Config(PiecewisePolynomialLearner.Degree.fixed(d),
        new PiecewisePolynomialLearner.Estimator(1e-6, RegressionTarget.POSTERIOR_MEAN, VarianceReduction.NONE),
        new Assumptions(1, 1, 0.05, 0.5), Double.NaN, 4000, 0.0);
  }

  @Test
  void theFivePRuleLowersTheDegreeEvenWhenFivePOverflowsAnInt() {
    // p = C(2003, 3) = 1,337,337,001: 5p wrapped to a negative int, so 5 rows kept degree 3 and the basis
    // enumeration ran for minutes
    assertThat(HermiteBasis.size(2000, 3)).isEqualTo(1_337_337_001);
    assertThat(CellRegression.fiveP(3, 5, 2000)).isZero();
    assertThat(CellRegression.fiveP(3, 5 * 10, 2)).isEqualTo(3);
    assertThat(CellRegression.fiveP(3, 5 * 10 - 1, 2)).isEqualTo(2);
  }

  @Test
  void theTopLevelsOneCellOfAllRowsSetsThePeak() {
    // degree 12 in dim 8 on 50,000 rows: the 5p rule gives degree 7 (6,435 features) to a cell of 46,000 rows,
    // whose 23 Gram blocks of 6,443² doubles alone are 7.6 GB
    Footprint f = FitFootprint.of(degree(12), new Learner.Shape(50_000, 8, 200, 2));
    double grams = 25.0 * 6443 * 6443 * 8;
    assertThat((double) f.bytes()).isGreaterThan(grams).isLessThan(1.1 * grams);
    assertThat(f.key()).isEqualTo("degree");
    assertThat(f.reason()).contains("degree 7, 6,435 features in dim 8").contains("degree 6 needs");
    // the quickstart's fit is small
    assertThat(FitFootprint.of(degree(3), new Learner.Shape(50_000, 2, 259, 2)).bytes()).isLessThan(200L << 20);
  }

  @Test
  void aLowerDegreeNeverNeedsMore() {
    long last = Long.MAX_VALUE;
    for (int d : List.of(12, 9, 6, 3, 1, 0)) {
      long b = FitFootprint.of(degree(d), new Learner.Shape(50_000, 8, 200, 2)).bytes();
      assertThat(b).as("degree %d", d).isLessThanOrEqualTo(last);
      last = b;
    }
  }
}

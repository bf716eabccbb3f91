package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import io.diffmix.regression.LearnerProbes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The paper's learner on cases whose answer is known, and on degenerate data. */
class PiecewisePolynomialLearnerTest {
  /** The factory's defaults: σ0 1, R0 1, α_min 0.05, c 0.5. */
  static final Assumptions ASSUMPTIONS = new Assumptions(1.0, 1.0, 0.05, 0.5);


  static Learner.FittedModel fit(Samples train, double[] times, PiecewisePolynomialLearner.Config c, int threads) {
    try (Parallel par = new Parallel(threads)) {
      return new PiecewisePolynomialLearner(c).fit(new Learner.Input(train, TestSchedules.ve(), times,
          new RandomStreams(1), par, Optional.empty(), Learner.Progress.NONE));
    }
  }

  static PiecewisePolynomialLearner.Config config(int degree) {
    return new PiecewisePolynomialLearner.Config(PiecewisePolynomialLearner.Degree.fixed(degree),
        new PiecewisePolynomialLearner.Estimator(1e-6, RegressionTarget.POSTERIOR_MEAN, VarianceReduction.NONE),
        ASSUMPTIONS, Double.NaN, 4000, 0.0);
  }


  /**
   * k = 1: E[μ | y] is the constant μ, so degree 1 leaves only estimation error. With p = n + 1 = 4 features,
   * N regression rows and the target's variance given y, (s²/t)²·Var(x | y) = σ0²s²/t per coordinate, the
   * posterior mean's error is ≈ p·σ0²s²/(N t) per coordinate, and the score's relative error ≈ that·n/s⁴ ÷ n/s²
   * = p·σ0²/(N t): at t = 0.1 and N = 16,000 about 2.5e-3, four times inside the 0.01.
   */
  @Test
  void aSingleGaussianIsLearnedToItsEstimationError() {
    GaussianMixture one = new GaussianMixture(new double[] {1}, new double[] {1, -2, 0.5}, 3, 1.0);
    Samples train = TestTargets.draw(one, 20_000, 5);
    double[] times = LearnerProbes.grid(300, 1e-3, 60);
    Learner.FittedModel m = fit(train, times, config(1), 2);
    for (double t : times) {
      if (t >= 0.1) {
        assertThat(LearnerProbes.relativeError(m, one, t)).as("t=%s", t).isLessThan(0.01);
      }
    }
    // between levels the model interpolates a constant: still exact up to estimation error
    assertThat(LearnerProbes.relativeError(m, one, 0.5 * (times[20] + times[21]))).isLessThan(0.01);
  }

  @Test
  void theQuickstartMixtureGetsOneCellPerComponentNearTheData() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples train = TestTargets.draw(gm, 20_000, 6);
    double[] times = LearnerProbes.grid(1000, 1e-2, 50);
    Learner.FittedModel m = fit(train, times, config(3), 2);
    PiecewisePolynomialModel model = (PiecewisePolynomialModel) m.model();
    LevelPolynomials lowest = model.levels()[0];
    assertThat(lowest.cells()).isBetween(3, 6);
    // every true mean has a warm start within the cover radius c (R0 + s √ln(1/α_min)) (Definition 5.1)
    double radius = 0.5 * (1 + Math.sqrt(1 + 1e-2) * Math.sqrt(Math.log(20)));
    double[][] means = {{0, 0}, {5, 0}, {0, 5}};
    for (double[] mu : means) {
      int j = LevelPolynomialsTest.nearest(lowest.centres, 2, mu, 0);
      double d = Math.hypot(mu[0] - lowest.centres[2 * j], mu[1] - lowest.centres[2 * j + 1]);
      assertThat(d).isLessThan(radius);
    }
    assertThat(LearnerProbes.relativeError(m, gm, 1.0)).isLessThan(0.05);
  }

  private static void assertFinite(Learner.FittedModel m, int n) {
    double[] x = new double[200 * n];
    var rng = new RandomStreams(7).stream("probe");
    for (int q = 0; q < x.length; q++) {
      x[q] = 10 * rng.nextGaussian();
    }
    double[] out = new double[x.length];
    for (double t : new double[] {1e-3, 0.3, 7, 500}) {
      m.model().score(t, 1, x, 0, 200, out);
      for (double v : out) {
        assertThat(v).isFinite();
      }
    }
  }

  /** Identical points make every Gram singular but the constant's: the ridge and its fallbacks still solve. */
  @Test
  void duplicateTrainingPointsGiveFiniteScores() {
    Samples same = Samples.zeros(3000, 2);
    java.util.Arrays.fill(same.data(), 1.5);
    assertFinite(fit(same, LearnerProbes.grid(100, 1e-3, 20), config(3), 1), 2);
  }

  /** Every cell of every level has at least 5p points for its degree p, or a constant. */
  @SuppressWarnings("unchecked")
  private static void assertDegreesFitTheirCells(Learner.FittedModel m, int n) {
    for (Object o : (java.util.List<Object>) m.summary().get("per_level")) {
      var row = (java.util.Map<String, Object>) o;
      int[] sizes = (int[]) row.get("cell_sizes");
      int[] degrees = (int[]) row.get("degrees");
      for (int j = 0; j < sizes.length; j++) {
        assertThat(degrees[j] == 0 || 5 * HermiteBasis.size(n, degrees[j]) <= sizes[j])
            .as("level t=%s cell %d: degree %d for %d points", row.get("t"), j, degrees[j], sizes[j]).isTrue();
      }
    }
  }

  /** Fewer points than features: each cell lowers its degree until it has 5p points, down to a constant. */
  @Test
  void fewerPointsThanFeaturesLowerTheDegree() {
    Samples few = TestTargets.draw(TestTargets.quickstart(), 40, 8);
    Learner.FittedModel m = fit(few, LearnerProbes.grid(100, 1e-3, 20), config(6), 1);
    assertFinite(m, 2);
    assertDegreesFitTheirCells(m, 2);
  }

  /** A degree far too high for the data is lowered cell by cell, never solved into NaN. */
  @Test
  void aDegreeTooHighForTheDataIsLowered() {
    Samples train = TestTargets.draw(TestTargets.quickstart(), 1000, 9);
    Learner.FittedModel m = fit(train, LearnerProbes.grid(100, 1e-2, 10), config(12), 1);
    assertFinite(m, 2);
    assertDegreesFitTheirCells(m, 2);
    // 800 regression rows cannot carry p(12) = 91 features in 3 cells: some cell must have dropped its degree
    LevelPolynomials lowest = ((PiecewisePolynomialModel) m.model()).levels()[0];
    assertThat(java.util.Arrays.stream(lowest.degrees).min().orElseThrow()).isLessThan(12);
  }

  /**
   * boundary_blend changes the served model only: the same fit (the same cells and coefficients, to the bit),
   * every level blended, and a score continuous in space where the hard cells' is not.
   */
  @Test
  void theBoundaryBlendServesTheSameFitWithAContinuousScore() {
    Samples train = TestTargets.draw(TestTargets.quickstart(), 5000, 12);
    double[] times = LearnerProbes.grid(100, 1e-2, 12);
    PiecewisePolynomialLearner.Config hard = config(2);
    PiecewisePolynomialLearner.Config soft = new PiecewisePolynomialLearner.Config(hard.degree(), hard.estimator(),
        hard.assumptions(), hard.clipRadius(), hard.warmStartBatch(), 0.25);
    PiecewisePolynomialModel a = (PiecewisePolynomialModel) fit(train, times, hard, 2).model();
    PiecewisePolynomialModel b = (PiecewisePolynomialModel) fit(train, times, soft, 2).model();
    assertThat(a.continuousInSpace()).isFalse();
    assertThat(b.continuousInSpace()).isTrue();
    for (int k = 0; k < a.levels().length; k++) {
      assertThat(b.levels()[k].blend).isEqualTo(0.25);
      assertThat(b.levels()[k].centres).isEqualTo(a.levels()[k].centres);
      assertThat(b.levels()[k].coefficients).isDeepEqualTo(a.levels()[k].coefficients);
    }
  }

  /** A warm start that receives no point is merged away instead of leaving an empty cell. */
  @Test
  void aCellWithNoPointsIsMerged() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples train = TestTargets.draw(gm, 5000, 10);
    // a far-away warm start: at t = 1e-3 no noisy point is near (100, 100)
    Learner.FittedModel m = fit(train, LearnerProbes.grid(2, 1e-3, 30), config(2), 1);
    assertFinite(m, 2);
    for (LevelPolynomials level : ((PiecewisePolynomialModel) m.model()).levels()) {
      assertThat(level.cells()).isPositive();
    }
  }

  private static byte[] payload(Learner.FittedModel m) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(bytes)) {
      ((PiecewisePolynomialModel) m.model()).writePayload(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The reductions run in a fixed order whatever the thread count, so one thread and two give the same
   * coefficients, warm starts and degrees to the bit; at degree 3 in dim 4 the Gram has 39 columns, which runs
   * the Vector API kernel, and at dim 2 the scalar one.
   */
  @Test
  void oneThreadAndTwoGiveTheSameModelBytes() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples train = TestTargets.draw(gm, 12_000, 12);
    double[] times = LearnerProbes.grid(300, 1e-3, 12);
    assertThat(payload(fit(train, times, config(3), 2))).isEqualTo(payload(fit(train, times, config(3), 1)));
    GaussianMixture four = new GaussianMixture(new double[] {0.5, 0.5},
        new double[] {0, 0, 0, 0, 4, 0, 4, 0}, 4, 1.0);
    Samples train4 = TestTargets.draw(four, 12_000, 13);
    assertThat(payload(fit(train4, times, config(3), 2))).isEqualTo(payload(fit(train4, times, config(3), 1)));
  }

  /** degree "auto" picks, per level, a candidate degree, and records the choice. */
  @Test
  @SuppressWarnings("unchecked")
  void autoDegreeChoosesAmongTheCandidatesPerLevel() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples train = TestTargets.draw(gm, 10_000, 11);
    var c = new PiecewisePolynomialLearner.Config(new PiecewisePolynomialLearner.Degree(3, java.util.List.of(1, 3)),
        new PiecewisePolynomialLearner.Estimator(1e-6, RegressionTarget.POSTERIOR_MEAN, VarianceReduction.NONE),
        ASSUMPTIONS, Double.NaN, 4000, 0.0);
    Learner.FittedModel m = fit(train, LearnerProbes.grid(300, 1e-3, 25), c, 2);
    assertFinite(m, 2);
    java.util.List<Integer> chosen = chosenDegrees(m);
    assertThat(chosen).hasSize(25).allMatch(d -> d == 1 || d == 3);
    // the choice is part of the fit: the same with one thread
    assertThat(chosenDegrees(fit(train, LearnerProbes.grid(300, 1e-3, 25), c, 1))).isEqualTo(chosen);
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<Integer> chosenDegrees(Learner.FittedModel m) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (Object o : (java.util.List<Object>) m.summary().get("per_level")) {
      out.add((Integer) ((java.util.Map<String, Object>) o).get("degree_chosen"));
    }
    return out;
  }
}

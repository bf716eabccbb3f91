package io.diffmix.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelLikelihoodMetricTest {
  /** The metric's default tolerances. */
  private static final ProbabilityFlowLikelihood.Tolerances DEFAULT =
      new ProbabilityFlowLikelihood.Tolerances(ModelLikelihoodMetric.RTOL, ModelLikelihoodMetric.ATOL,
          ModelLikelihoodMetric.CONTROL);

  /** N(0, I) in dimension 3: its moments exactly, so that the run's prior at T is P_T itself. */
  private static final GaussianMixture GAUSSIAN = new GaussianMixture(new double[] {1}, new double[3], 3, 1.0);
  private static final DataMoments EXACT_MOMENTS = new DataMoments(3, 1, new double[3], 3, 1);

  /** A mixture's exact score and divergence, as a model whose other properties a test overrides. */
  private static class Delegating implements io.diffmix.core.score.ScoreDivergence {
    final GaussianMixture gm;

    Delegating(GaussianMixture gm) {
      this.gm = gm;
    }

    @Override
    public int dim() {
      return gm.dim();
    }

    @Override
    public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
      gm.score(tVe, alpha, x, from, to, out);
    }

    @Override
    public void scoreAndDivergence(double tVe, double alpha, double[] x, int rows, double[] out, double[] div) {
      gm.scoreAndDivergence(tVe, alpha, x, rows, out, div);
    }
  }

  /**
   * With the exact score and the exact P_T as prior, the ODE's log-density is log p_{t1} itself; at the default
   * tolerances each of 2,000 points agrees with the closed form to 1e-3 nats.
   */
  private static void agreesWithClosedForm(Schedule schedule, double t1, double top) {
    Samples x = TestTargets.draw(GAUSSIAN, 2000, 11);
    Prior prior = Prior.at(schedule, top, EXACT_MOMENTS);
    double[] ode = new double[2000];
    double[] exact = new double[2000];
    try (Parallel par = new Parallel(2)) {
      List<ProbabilityFlowLikelihood.Work> work = ModelLikelihoodMetric.logDensities(GAUSSIAN, schedule, t1, top,
          prior, x.data(), 2000, DEFAULT, ModelLikelihoodMetric.METHOD, ModelLikelihoodMetric.KNOTS, par, ode);
      assertThat(work).hasSize(2000 / ModelLikelihoodMetric.CHUNK);
    }
    GAUSSIAN.logDensity(schedule.veTime(t1), schedule.alpha(t1), x.data(), 0, 2000, exact);
    double worst = 0;
    for (int i = 0; i < 2000; i++) {
      worst = Math.max(worst, Math.abs(ode[i] - exact[i]));
    }
    assertThat(worst).isLessThanOrEqualTo(1e-3);
  }

  @Test
  void singleGaussianVeAgreesWithTheClosedFormPerPoint() {
    // the paper's grid for N(0, I_3): t1 = 0.001, T = 100·(M2 + n) = 600
    agreesWithClosedForm(TestSchedules.ve(), 1e-3, 600);
  }

  @Test
  void singleGaussianVpAgreesWithTheClosedFormPerPoint() {
    // the OU schedule: α(T) = e^{-T} enters through the prior and the n ln(α_T/α_t1) term
    Schedule vp = TestSchedules.vp();
    agreesWithClosedForm(vp, vp.timeOfVe(1e-3), vp.timeOfVe(600));
  }

  /**
   * {@code knots: false} steps across a model's time knots, and is still the ODE's solution within tolerance: the
   * exact Gaussian score declaring 200 knots (where it is in fact smooth) gives, at 1e-6 with and without them,
   * every point within 1e-4 nats of the closed form, and without them far fewer evaluations (one step of six per
   * knot at least, with them).
   */
  @Test
  void steppingAcrossKnotsKeepsTheToleranceAndSavesEvaluations() {
    double[] knots = new double[200];
    for (int k = 0; k < knots.length; k++) {
      knots[k] = 1e-3 * Math.pow(600 / 1e-3, (k + 0.5) / knots.length);
    }
    io.diffmix.core.score.ScoreDivergence withKnots = new Delegating(GAUSSIAN) {
      @Override
      public double[] timeKnots() {
        return knots.clone();
      }
    };
    Schedule ve = TestSchedules.ve();
    Samples x = TestTargets.draw(GAUSSIAN, 500, 12);
    Prior prior = Prior.at(ve, 600, EXACT_MOMENTS);
    double[] exact = new double[500];
    GAUSSIAN.logDensity(1e-3, 1, x.data(), 0, 500, exact);
    long[] evaluations = new long[2];
    for (boolean k : new boolean[] {true, false}) {
      double[] ode = new double[500];
      List<ProbabilityFlowLikelihood.Work> work;
      try (Parallel par = Parallel.serial()) {
        work = ModelLikelihoodMetric.logDensities(withKnots, ve, 1e-3, 600, prior, x.data(), 500,
            new ProbabilityFlowLikelihood.Tolerances(1e-6, 1e-6, ErrorControl.LOG_DENSITY),
            EmbeddedPair.DORMAND_PRINCE_54, k, par, ode);
      }
      for (int i = 0; i < 500; i++) {
        assertThat(Math.abs(ode[i] - exact[i])).as("knots %s, point %d", k, i).isLessThanOrEqualTo(1e-4);
      }
      evaluations[k ? 0 : 1] = work.stream().mapToLong(ProbabilityFlowLikelihood.Work::pointEvaluations).sum();
    }
    assertThat(evaluations[0]).isGreaterThanOrEqualTo(6L * 200 * 500);
    assertThat(evaluations[1]).isLessThan(evaluations[0] / 4);
  }

  /**
   * A tolerance that this model cannot meet within the step limit is the user's to loosen: one line naming
   * rtol and atol, not an internal error. The score here is N(0, I)'s plus 1000/t_VE times a pseudo-random
   * number in [−1, 1] drawn afresh at every time: in ln t its drift is white noise of size 500, which no
   * step resolves, so each accepted step is shorter than about atol/25 and the whole range takes far more than
   * {@link ProbabilityFlowLikelihood#MAX_ATTEMPTS} steps.
   */
  @Test
  void aToleranceTheModelCannotMeetIsBadInputInOneLine() {
    io.diffmix.core.score.ScoreDivergence oscillating = new Delegating(GAUSSIAN) {
      @Override
      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        super.score(tVe, alpha, x, from, to, out);
        for (int q = from * 3; q < to * 3; q++) {
          out[q] += 1000 / tVe * noise(tVe);
        }
      }

      @Override
      public void scoreAndDivergence(double tVe, double alpha, double[] x, int rows, double[] out, double[] div) {
        super.scoreAndDivergence(tVe, alpha, x, rows, out, div);
        for (int q = 0; q < rows * 3; q++) {
          out[q] += 1000 / tVe * noise(tVe);
        }
      }
    };
    Samples x = TestTargets.draw(GAUSSIAN, 1, 13);
    Prior prior = Prior.at(TestSchedules.ve(), 600, EXACT_MOMENTS);
    try (Parallel par = Parallel.serial()) {
      assertThatThrownBy(() -> ModelLikelihoodMetric.logDensities(oscillating, TestSchedules.ve(), 1e-3, 600,
          prior, x.data(), 1, DEFAULT, ModelLikelihoodMetric.METHOD, false, par, new double[1]))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("model-likelihood")
          .hasMessageContaining("rtol 1.0E-4, atol 5.0E-4")
          .hasMessageNotContaining("\n");
    }
  }

  /** A number in [−1, 1] fixed by t's bits alone (SplitMix64's finalizer). */
  private static double noise(double t) {
    long z = Double.doubleToLongBits(t) + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-52 - 1;
  }

  private static Metric.Input input(ScoreModel model, Samples ref, Optional<DataMoments> moments) {
    GaussianMixture gm = TestTargets.quickstart();
    return new Metric.Input(ref, ref, Optional.of(gm), Optional.of(model), TestSchedules.ve(),
        new double[] {1000, 1, 1e-3}, new RandomStreams(1), Parallel.serial(), moments);
  }

  @Test
  void exactScoreOnTheQuickstartHasKlNearZeroAndEveryField() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples ref = TestTargets.draw(gm, 1000, 3);
    Samples train = TestTargets.draw(gm, 20000, 4);
    Metric.Result r = ModelLikelihoodMetric.measure(input(gm, ref, Optional.of(DataMoments.of(train))),
        ModelLikelihoodMetric.Config.defaults(0));
    assertThat(r.values()).containsKeys("nll", "nll_se", "bits_per_dim", "nll_true", "kl", "kl_se", "tv_upper",
        "kl_early_stop", "tv_early_stop_upper");
    // the prior's mismatch with P_T is O(|m̄ − m|²/T + (v̄ − v)²/T²), far below this; the rest is the tolerance
    assertThat(Math.abs(r.values().get("kl"))).isLessThan(1e-3);
    assertThat(r.values().get("bits_per_dim")).isEqualTo(r.values().get("nll") / (2 * Math.log(2)));
    assertThat(r.details().get("score_evaluations")).isEqualTo(r.details().get("divergence_evaluations"));
    assertThat((long) r.details().get("score_evaluations")).isPositive();
  }

  /** A model that jumps in space has no normalized ODE density: kl is reported, the Pinsker bound is not. */
  @Test
  void aModelThatJumpsInSpaceGetsNoTvBound() {
    GaussianMixture gm = TestTargets.quickstart();
    io.diffmix.core.score.ScoreDivergence jumping = new Delegating(gm) {
      @Override
      public boolean continuousInSpace() {
        return false;
      }
    };
    Samples ref = TestTargets.draw(gm, 500, 3);
    Metric.Result r = ModelLikelihoodMetric.measure(
        input(jumping, ref, Optional.of(DataMoments.of(TestTargets.draw(gm, 5000, 4)))),
        ModelLikelihoodMetric.Config.defaults(0));
    assertThat(r.values().get("kl")).isFinite();
    assertThat(r.values().get("tv_upper")).isNaN();
    assertThat((String) r.details().get("density")).contains("not normalized");
  }

  @Test
  void withoutATruthOnlyTheModelsOwnNllIsReported() {
    GaussianMixture gm = TestTargets.quickstart();
    Samples heldOut = TestTargets.draw(gm, 600, 3);
    Metric.Input in = new Metric.Input(heldOut, heldOut, Optional.empty(), Optional.of(gm), TestSchedules.ve(),
        new double[] {1000, 1, 1e-3}, new RandomStreams(1), Parallel.serial(),
        Optional.of(DataMoments.of(TestTargets.draw(gm, 5000, 4))));
    Metric.Result r = ModelLikelihoodMetric.measure(in, ModelLikelihoodMetric.Config.defaults(0));
    assertThat(r.values().keySet()).containsExactly("nll", "nll_se", "bits_per_dim");
    // the exact model's density is P_t1's: on P0's points, its nll is the truth's up to KL(P0 || P_t1) ~ 1e-7
    double[] log0 = new double[600];
    gm.logDensity(0, 1, heldOut.data(), 0, 600, log0);
    double nllTrue = -java.util.Arrays.stream(log0).sum() / 600;
    assertThat(r.values().get("nll")).isCloseTo(nllTrue, org.assertj.core.data.Offset.offset(2e-3));
  }

  @Test
  void aModelWithoutTheDivergenceIsBadInputInOneLine() {
    GaussianMixture gm = TestTargets.quickstart();
    ScoreModel plain = new ScoreModel() {
      @Override
      public int dim() {
        return 2;
      }

      @Override
      public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
        gm.score(tVe, alpha, x, from, to, out);
      }
    };
    Samples ref = TestTargets.draw(gm, 100, 3);
    assertThatThrownBy(() -> ModelLikelihoodMetric.measure(input(plain, ref, Optional.of(DataMoments.of(ref))),
        ModelLikelihoodMetric.Config.defaults(0)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("model-likelihood")
        .hasMessageContaining("needs the divergence")
        .hasMessageNotContaining("\n");
  }
}

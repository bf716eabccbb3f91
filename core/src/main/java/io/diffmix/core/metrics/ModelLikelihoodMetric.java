package io.diffmix.core.metrics;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Param;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.MetricSuite;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.score.ClosedFormDensity;
import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TrueDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model-likelihood} metric: the learned model's own density at held-out points, exactly, through its
 * probability-flow ODE, and from it the KL to the truth and an upper bound on TV.
 *
 * <p><b>What density.</b> The model's law is the run's prior at the grid's top time T, carried down to the
 * grid's smallest time t1 by the probability-flow ODE of the model's score: P̂_{t1}, the law an exact ODE
 * solver would output when it stops early at t1. Its log-density at a point x is found by integrating the ODE
 * up, from x at t1 to T ({@link ProbabilityFlowLikelihood}), with d log p = −∇·v dt, and adding the prior's
 * log-density at the end: log p̂_{t1}(x) = log π_T(x_T) + ∫_{t1}^{T} ∇·v dt. The divergence is the model's exact
 * one ({@link ScoreDivergence}); a model without it is refused.
 *
 * <p><b>The early stop.</b> The points are the reference rows, which are draws of P0, and nll_true is
 * −log p0 at them. So kl = E_{P0}[log p0 − log p̂_{t1}] estimates KL(P0 ‖ P̂_{t1}), the divergence of the model's
 * output from the data itself, and tv_upper = √(kl/2) bounds TV(P0, P̂_{t1}) by Pinsker: the paper's
 * early-stopping term TV(P0, P_{t1}) is inside both, with no triangle inequality needed. It is also reported on
 * its own: kl_early_stop = E_{P0}[log p0 − log p_{t1}] estimates KL(P0 ‖ P_{t1}) on the same points, and
 * tv_early_stop_upper = √(kl_early_stop/2) bounds TV(P0, P_{t1}), the share of the budget that the early stop
 * alone takes.
 *
 * <p>A model with a closed-form density ({@link ClosedFormDensity}, such as {@code em-gmm}'s fitted mixture)
 * also gets nll_closed_form, its own −log p̂ at time 0 on the same points (what EM reports), and
 * nll_closed_form_t1 at t1, which the ODE's nll reproduces up to the prior's mismatch at T.
 */
public final class ModelLikelihoodMetric {
  /** The default rtol (README, "model-likelihood", for the measurement behind the defaults). */
  static final double RTOL = 1e-4;
  /** The default atol, also each step's bound in nats under the default control. */
  static final double ATOL = 5e-4;
  /** The default error control. */
  static final ErrorControl CONTROL = ErrorControl.LOG_DENSITY;
  /** Whether steps end on the model's time knots by default. */
  static final boolean KNOTS = false;
  /** The default embedded pair (README, "model-likelihood"). */
  static final EmbeddedPair METHOD = EmbeddedPair.DORMAND_PRINCE_54;

  /** The {@code model-likelihood} factory. */
  public static final MetricFactory<Config> FACTORY = new MetricFactory.Of<>("model-likelihood",
      "the model's own density at held-out points by its probability-flow ODE (exact divergence, "
          + "an adaptive embedded Runge-Kutta pair): nll, bits_per_dim, and for synthetic targets kl and tv_upper = sqrt(kl/2)",
      List.of(
          Param.real("rtol", RTOL, "relative tolerance of the adaptive ODE integrator's state norm")
              .atLeast(1e-12).atMost(1e-2),
          Param.real("atol", ATOL, "absolute tolerance of the ODE integrator (data units, and nats for log p); "
              + "with control log-density also each step's bound on its change of log p, in nats")
              .atLeast(1e-12).atMost(1e-2),
          Param.choice("control", CONTROL.id, "what each step's error is measured in: log-density (its "
              + "first-order effect on log p, |e_l| + sum |s_c e_c| <= atol, and the state norm) or state (the "
              + "state norm alone, RMS of e/(atol + rtol |z|))", "log-density", "state"),
          Param.choice("method", METHOD.id, "the embedded Runge-Kutta pair: dopri5 (Dormand-Prince 5(4), six "
              + "evaluations a step) or bs3 (Bogacki-Shampine 3(2), three)", "dopri5", "bs3"),
          Param.bool("knots", KNOTS, "end a step on each of the model's time knots (a learned model's fitted "
              + "levels); false lets the error control step across them"),
          Param.integer("points", "held-out rows to evaluate; null for every reference row").atLeast(2).orAuto()),
      p -> new Config(p.real("rtol"), p.real("atol"), ErrorControl.byId(p.text("control")),
          EmbeddedPair.byId(p.text("method")), p.bool("knots"), p.isAuto("points") ? 0 : p.integer("points")),
      ModelLikelihoodMetric::metric);

  /**
   * Rows per ODE chunk. Each chunk shares its steps; 500 rows keep the model's batches long and the points
   * that set a chunk's steps few.
   */
  static final int CHUNK = 500;

  /**
   * @param rtol the ODE's relative tolerance
   * @param atol its absolute tolerance, and the bound in nats of {@link ErrorControl#LOG_DENSITY}
   * @param control what the step control measures
   * @param method the embedded pair
   * @param knots whether every step ends on the model's time knots
   * @param points how many reference rows, or 0 for all
   */
  public record Config(double rtol, double atol, ErrorControl control, EmbeddedPair method, boolean knots,
      int points) {

    /** The defaults, with {@code points} rows (0 for all). */
    public static Config defaults(int points) {
      return new Config(RTOL, ATOL, CONTROL, METHOD, KNOTS, points);
    }
  }

  private static Metric metric(Config c) {
    return Metric.model(false, input -> measure(input, c));
  }

  /** The divergence-capable view of a model, or one line saying that the metric needs it. */
  static ScoreDivergence divergenceOf(ScoreModel model) {
    if (model instanceof ScoreDivergence d) {
      return d;
    }
    throw new BadInputException("metrics: model-likelihood needs the divergence of the score model, and "
        + model.getClass().getName() + " does not provide it (io.diffmix.core.score.ScoreDivergence); it is "
        + "never approximated; valid: a learner whose model has it (piecewise-polynomial, kernel-ridge, em-gmm, "
        + "exact), or drop the metric");
  }

  static Metric.Result measure(Metric.Input input, Config c) {
    ScoreDivergence model = divergenceOf(input.model().orElseThrow());
    DataMoments moments = input.trainingMoments().orElseThrow(() -> new BadInputException(
        "metric 'model-likelihood' needs the training data's moments, which fix the prior at the top time; "
            + "this caller gives none"));
    Schedule schedule = input.schedule();
    double t1 = Double.POSITIVE_INFINITY;
    double top = Double.NEGATIVE_INFINITY;
    for (double t : input.times()) {
      t1 = Math.min(t1, t);
      top = Math.max(top, t);
    }
    double tVe1 = schedule.veTime(t1);
    double tVeTop = schedule.veTime(top);
    if (!(tVe1 > 0) || !(tVeTop > tVe1)) {
      throw new BadInputException("metric 'model-likelihood' integrates from the grid's smallest time to its "
          + "largest, in ln t_VE: it needs 0 < t_VE(t1) < t_VE(T), and the grid gives t_VE from " + tVe1 + " to "
          + tVeTop);
    }
    Samples ref = input.reference();
    int n = ref.dim();
    if (model.dim() != n) {
      throw new BadInputException("metric 'model-likelihood': the model has dimension " + model.dim()
          + " and the reference rows " + n);
    }
    int rows = c.points() > 0 ? Math.min(c.points(), ref.rows()) : ref.rows();
    Prior prior = Prior.at(schedule, top, moments);
    double[] x = ref.data();
    double a1 = schedule.alpha(t1);
    double[] logModel = new double[rows];
    Parallel par = input.parallel();
    List<ProbabilityFlowLikelihood.Work> work = logDensities(model, schedule, t1, top, prior, x, rows,
        new ProbabilityFlowLikelihood.Tolerances(c.rtol(), c.atol(), c.control()), c.method(), c.knots(), par,
        logModel);

    Map<String, Double> values = new LinkedHashMap<>();
    double[] nll = new double[rows];
    for (int i = 0; i < rows; i++) {
      nll[i] = -logModel[i];
    }
    double[] nllStats = meanAndSe(nll);
    values.put("nll", nllStats[0]);
    values.put("nll_se", nllStats[1]);
    values.put("bits_per_dim", nllStats[0] / (n * Math.log(2)));
    if (input.truth().isPresent()) {
      TrueDistribution truth = input.truth().get();
      double[] log0 = new double[rows];
      double[] logT1 = new double[rows];
      par.forEachChunk(rows, CHUNK, (from, to) -> {
        truth.logDensity(0, 1, x, from, to, log0);
        truth.logDensity(tVe1, a1, x, from, to, logT1);
      });
      double[] nllTrue = new double[rows];
      double[] kl = new double[rows];
      double[] early = new double[rows];
      for (int i = 0; i < rows; i++) {
        nllTrue[i] = -log0[i];
        kl[i] = log0[i] - logModel[i];
        early[i] = log0[i] - logT1[i];
      }
      double[] klStats = meanAndSe(kl);
      double earlyMean = meanAndSe(early)[0];
      values.put("nll_true", meanAndSe(nllTrue)[0]);
      values.put("kl", klStats[0]);
      values.put("kl_se", klStats[1]);
      // Pinsker holds for the KL itself, which is ≥ 0; an estimate below 0 is noise and bounds TV by 0. A model
      // that jumps in space has no normalized ODE density here (ScoreDivergence.continuousInSpace): no bound
      values.put("tv_upper", model.continuousInSpace() ? Math.sqrt(Math.max(0, klStats[0]) / 2) : Double.NaN);
      values.put("kl_early_stop", earlyMean);
      values.put("tv_early_stop_upper", Math.sqrt(Math.max(0, earlyMean) / 2));
    }
    if (model instanceof ClosedFormDensity closed) {
      double[] log0 = new double[rows];
      double[] logT1 = new double[rows];
      par.forEachChunk(rows, CHUNK, (from, to) -> {
        closed.logDensity(0, 1, x, from, to, log0);
        closed.logDensity(tVe1, a1, x, from, to, logT1);
      });
      double s0 = 0;
      double s1 = 0;
      for (int i = 0; i < rows; i++) {
        s0 -= log0[i];
        s1 -= logT1[i];
      }
      values.put("nll_closed_form", s0 / rows);
      values.put("nll_closed_form_t1", s1 / rows);
    }

    long evaluations = 0;
    int steps = 0;
    int rejected = 0;
    int splits = 0;
    int maxSteps = 0;
    for (ProbabilityFlowLikelihood.Work w : work) {
      evaluations += w.pointEvaluations();
      steps += w.accepted();
      rejected += w.rejected();
      splits += w.splits();
      maxSteps = Math.max(maxSteps, w.accepted());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("points", rows);
    details.put("t1", t1);
    details.put("t_max", top);
    details.put("t_ve_range", List.of(tVe1, tVeTop));
    details.put("integrator", c.method().title + ", FSAL, local extrapolation, in ln t_VE; one step sequence "
        + "per chunk of " + CHUNK + " points, every point within tolerance (points failing a step integrate it "
        + "again on their own), " + (c.knots() ? "steps ending on the model's " + model.timeKnots().length
        + " time knots" : "stepping across the model's " + model.timeKnots().length + " time knots"));
    if (!model.continuousInSpace()) {
      details.put("density", "without the singular part of the flow's Jacobian where the model's score jumps "
          + "in space (its cell boundaries): not normalized, so kl is not a KL and tv_upper is withheld (NaN)");
    }
    details.put("method", c.method().id);
    details.put("control", c.control().id);
    details.put("knots", c.knots());
    details.put("rtol", c.rtol());
    details.put("atol", c.atol());
    details.put("score_evaluations", evaluations);
    details.put("divergence_evaluations", evaluations);
    details.put("evaluations_per_point", (double) evaluations / rows);
    details.put("steps_accepted_mean", (double) steps / work.size());
    details.put("steps_accepted_max", maxSteps);
    details.put("steps_rejected", rejected);
    details.put("steps_split", splits);
    details.put("compared_with", input.truth().isPresent()
        ? "P0's true density at the held-out points: kl estimates KL(P0 || model at t1), early stop included"
        : "no closed-form truth: nll only");
    return new Metric.Result(values, details);
  }

  /**
   * log p̂_{t1} of the model's probability-flow law at rows [0, rows) of x into {@code out}: the ODE from t1 up
   * to {@code top} (schedule times), then the prior's log-density there. Returns each chunk's work, in order.
   */
  static List<ProbabilityFlowLikelihood.Work> logDensities(ScoreDivergence model, Schedule schedule, double t1,
      double top, Prior prior, double[] x, int rows, ProbabilityFlowLikelihood.Tolerances tol,
      EmbeddedPair method, boolean knots, Parallel par, double[] out) {
    int n = model.dim();
    double tVe1 = schedule.veTime(t1);
    double tVeTop = schedule.veTime(top);
    double a1 = schedule.alpha(t1);
    double aTop = schedule.alpha(top);
    double sd = prior.sd();
    double[] mean = prior.mean();
    double constant = -0.5 * n * Math.log(2 * Math.PI * sd * sd) + n * Math.log(aTop / a1);
    return par.mapChunks(rows, CHUNK, (from, to) -> {
      int m = to - from;
      double[] z = new double[m * (n + 1)];
      for (int q = 0; q < m * n; q++) {
        z[q] = x[from * n + q] / a1;
      }
      ProbabilityFlowLikelihood.Work w = new ProbabilityFlowLikelihood(model, m, tol, method).integrate(z, tVe1, tVeTop,
          knots ? model.timeKnots() : new double[0]);
      for (int i = 0; i < m; i++) {
        double r2 = 0;
        for (int d = 0; d < n; d++) {
          double diff = aTop * z[i * n + d] - mean[d];
          r2 += diff * diff;
        }
        // log p̂_{t1}(x) = log π_T(α_T y_T) + n ln α_T + ℓ − n ln α_{t1}
        out[from + i] = constant - r2 / (2 * sd * sd) + z[m * n + i];
      }
      return w;
    });
  }

  /** The mean and its standard error sd/√N, summed in order. */
  private static double[] meanAndSe(double[] v) {
    double[] m = MetricSuite.meanAndSd(v);
    return new double[] {m[0], m[1] / Math.sqrt(v.length)};
  }
}

package io.diffmix.core.metrics;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.score.ScoreDivergence;

/**
 * The probability-flow ODE of a score model, integrated forward in time together with its log-determinant, by
 * an embedded Runge–Kutta pair ({@link EmbeddedPair}: Dormand–Prince 5(4) or Bogacki–Shampine 3(2); Hairer,
 * Nørsett and Wanner, Solving ODEs I, §II.4–5) with local extrapolation, FSAL and the standard step-size
 * controller.
 *
 * <p><b>The ODE.</b> Every schedule's marginal is a scaled VE marginal, x = α·y with y at VE time t, and its
 * probability-flow ODE is, in y, the VE one: dy/dt = v(y, t) = −½ ŝ_VE(y, t). Along it
 * d log p_t(y_t)/dt = −∇·v, so ℓ = ∫ ∇·v dt = −½ ∫ ∇·ŝ_VE dt is the log-determinant of the flow's Jacobian,
 * and log p_{t1}(y_1) = log p_T(y_T) + ℓ.
 *
 * <p><b>The variable.</b> It integrates in ρ = ln t: dy/dρ = −½ t ŝ_VE(y, t). For P0 = Q0 * N(0, σ0² I) the
 * Jacobian of ŝ_VE is bounded by 1/(σ0² + t), so the right-hand side's Lipschitz constant t/(2(σ0² + t)) stays
 * below ½ from t = 10⁻³ to 10⁶: one smooth, non-stiff problem over the whole range, where in t itself the steps
 * would have to span six decades.
 *
 * <p><b>The steps.</b> A chunk of points shares one step sequence, so that each model call is a batch at one
 * time, which is how every model here is fast (a step per point would call the model one row at a time). Each
 * point's error is controlled: err_i = RMS over its n + 1 components of e/(atol + rtol·max(|z|, |z_new|)), and
 * with {@link ErrorControl#LOG_DENSITY} (the default) the larger of that and (|e_ℓ| + Σ_c |ŝ_c e_c|)/atol, the
 * step's first-order change of the reported log-density in units of atol nats; a step is accepted for the
 * chunk when every err_i ≤ 1. When only a few points fail (at most a tenth), the
 * step is accepted for the others and the failing points integrate the same interval again as a chunk of their
 * own, with their own steps: a piecewise model (the paper's Voronoi cells) jumps across cell boundaries, where
 * the point crossing one needs tiny steps and its 499 neighbours do not. (With one step sequence for all, each
 * crossing shrank the step of the whole chunk: 48,000 evaluations per point on the quickstart.) When more fail,
 * the step itself is too long, and it is rejected for all. A model only continuous in time, interpolated
 * between fitted levels, names its levels as knots, and with the metric's {@code knots: true} a step ends on
 * each: a high-order step across a kink of the velocity in time is rejected or inaccurate at tight tolerances.
 * Without them (the default) the error control steps across the kinks, which at loose tolerances takes far
 * fewer steps.
 * Chunks have fixed boundaries and the splits depend on the chunk's points alone, so the result does not
 * depend on the thread count.
 */
final class ProbabilityFlowLikelihood {
  /** The controller's safety factor and the bounds of one step's change (Hairer et al., eq. II.4.13). */
  private static final double SAFETY = 0.9;
  private static final double MIN_FACTOR = 0.2;
  private static final double MAX_FACTOR = 5;
  /** A chunk that needs more attempts than this has met a model the ODE cannot follow. */
  static final int MAX_ATTEMPTS = 100_000;

  /**
   * @param rtol relative tolerance per component
   * @param atol absolute tolerance per component (y in the data's units, ℓ in nats), and with
   *     {@link ErrorControl#LOG_DENSITY} the bound on each step's first-order change of log p, in nats
   * @param control what the step control measures
   */
  record Tolerances(double rtol, double atol, ErrorControl control) {}

  /**
   * One chunk's work.
   *
   * @param pointEvaluations score-and-divergence evaluations, summed over the points of every call
   * @param accepted the chunk's accepted steps
   * @param rejected the chunk's rejected steps
   * @param splits steps after which some points integrated the interval again on their own
   */
  record Work(long pointEvaluations, int accepted, int rejected, int splits) {}

  /** The largest share of a chunk's points that may fail a step and be integrated again on their own. */
  static final double SPLIT_SHARE = 0.1;

  private final ScoreDivergence model;
  private final int n;
  private final int m;
  private final int size;
  private final Tolerances tol;
  private final EmbeddedPair pair;
  /** The step controller's exponent, −1/order (Hairer et al., eq. II.4.13). */
  private final double exponent;
  /** The stages' derivatives; k[0] is the step's first (the last one's FSAL stage). */
  private final double[][] k;
  private final double[] stage;
  private final double[] next;
  private final double[] div;
  private final double[] errors;
  private long pointEvaluations;
  private int accepted;
  private int rejected;
  private int splits;

  /** Scratch for {@code rows} points of dimension n. */
  ProbabilityFlowLikelihood(ScoreDivergence model, int rows, Tolerances tol, EmbeddedPair pair) {
    this.model = model;
    this.pair = pair;
    this.exponent = -1.0 / pair.order;
    this.n = model.dim();
    this.m = rows;
    this.size = rows * (n + 1);
    this.tol = tol;
    k = new double[pair.stages()][size];
    stage = new double[size];
    next = new double[size];
    div = new double[rows];
    errors = new double[rows];
  }

  /**
   * Carries the state z from VE time t0 to t1 > t0 > 0. z holds the rows' points y, row-major (m·n entries),
   * then each row's ℓ (m entries); both are overwritten with their values at t1.
   *
   * @param knots VE times where the model is only continuous in time ({@link ScoreDivergence#timeKnots}); a step
   *     ends on each knot inside (t0, t1) and none straddles one
   */
  Work integrate(double[] z, double t0, double t1, double[] knots) {
    double rho = Math.log(t0);
    double[] stops = stops(knots, t0, t1);
    rhs(rho, z, k[0]);
    run(z, rho, stops, initialStep(rho, z, stops[stops.length - 1] - rho));
    return new Work(pointEvaluations, accepted, rejected, splits);
  }

  /**
   * Advances z, whose derivative at ρ is in k[0], through every stop in turn (the last is the end), from the
   * step h; on return k[0] holds the derivative at the end.
   */
  private void run(double[] z, double rho, double[] stops, double h) {
    double span = stops[stops.length - 1] - rho;
    int nextStop = 0;
    boolean lastRejected = false;
    for (int attempt = 0; ; attempt++) {
      if (attempt >= MAX_ATTEMPTS) {
        // the tolerances are the user's, and too tight for this model: bad input, not a failure
        throw new BadInputException("metrics: model-likelihood's ODE took more than " + MAX_ATTEMPTS
            + " steps from t_VE = " + Math.exp(rho) + " at rtol " + tol.rtol() + ", atol " + tol.atol()
            + " on this model; valid: looser rtol and atol, in [1e-12, 1e-2] (the defaults are "
            + ModelLikelihoodMetric.RTOL + " and " + ModelLikelihoodMetric.ATOL + ")");
      }
      double stop = stops[nextStop];
      // the velocity is continuous across a knot, so the last stage (FSAL) serves as the next step's first
      boolean onStop = rho + h >= stop - 1e-12 * Math.abs(span);
      double target = onStop ? stop : rho + h;
      double taken = target - rho;
      step(rho, taken, target, z);
      int failing = 0;
      double worstPassing = 0;
      for (int i = 0; i < m; i++) {
        // NaN fails, as NaN <= 1 is false
        if (errors[i] <= 1) {
          worstPassing = Math.max(worstPassing, errors[i]);
        } else {
          failing++;
        }
      }
      if (failing == 0 || failing <= SPLIT_SHARE * m) {
        if (failing > 0) {
          again(z, rho, target, taken, failing);
          splits++;
        }
        System.arraycopy(next, 0, z, 0, size);
        System.arraycopy(k[pair.stages() - 1], 0, k[0], 0, size);
        rho = target;
        accepted++;
        if (onStop) {
          if (nextStop == stops.length - 1) {
            return;
          }
          nextStop++;
        }
        double factor = worstPassing == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR,
            SAFETY * Math.pow(worstPassing, exponent)));
        double proposed = taken * (lastRejected ? Math.min(1, factor) : factor);
        // a step cut short by a stop does not shrink the next one
        h = onStop && taken < h ? Math.max(h, proposed) : proposed;
        lastRejected = false;
      } else {
        rejected++;
        double worst = 0;
        for (int i = 0; i < m; i++) {
          worst = Double.isNaN(errors[i]) || errors[i] > worst ? errors[i] : worst;
        }
        // a NaN error (a model that returned NaN) shrinks the step as far as it may
        h = taken * (Double.isNaN(worst) ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * Math.pow(worst, exponent)));
        lastRejected = true;
        if (!(h > 1e-14 * Math.abs(span))) {
          throw new IllegalStateException("model-likelihood: the probability-flow ODE's step fell below "
              + "1e-14 of the range near t_VE = " + Math.exp(rho) + " (the score is not finite there)");
        }
      }
    }
  }

  /**
   * The rows that failed the step from ρ to {@code target}, integrated over it again as a chunk of their own,
   * from their state in z and derivative in k[0]; their results replace theirs in {@code next} and the last stage.
   */
  private void again(double[] z, double rho, double target, double taken, int failing) {
    int last = pair.stages() - 1;
    int[] rows = new int[failing];
    double worst = 0;
    for (int i = 0, f = 0; i < m; i++) {
      if (!(errors[i] <= 1)) {
        rows[f++] = i;
        worst = Double.isNaN(errors[i]) || errors[i] > worst ? errors[i] : worst;
      }
    }
    ProbabilityFlowLikelihood sub = new ProbabilityFlowLikelihood(model, failing, tol, pair);
    int len = m * n;
    int subLen = failing * n;
    for (int f = 0; f < failing; f++) {
      int i = rows[f];
      System.arraycopy(z, i * n, sub.next, f * n, n);
      System.arraycopy(k[0], i * n, sub.k[0], f * n, n);
      sub.next[subLen + f] = z[len + i];
      sub.k[0][subLen + f] = k[0][len + i];
    }
    double[] subZ = sub.next.clone();
    double h = taken * (Double.isNaN(worst) ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * Math.pow(worst, exponent)));
    sub.run(subZ, rho, new double[] {target}, h);
    for (int f = 0; f < failing; f++) {
      int i = rows[f];
      System.arraycopy(subZ, f * n, next, i * n, n);
      System.arraycopy(sub.k[0], f * n, k[last], i * n, n);
      next[len + i] = subZ[subLen + f];
      k[last][len + i] = sub.k[0][subLen + f];
    }
    pointEvaluations += sub.pointEvaluations;
    // the rows' own steps are steps of this chunk's work too
    accepted += sub.accepted;
    rejected += sub.rejected;
    splits += sub.splits;
  }

  /** ln of the knots strictly inside (t0, t1), increasing, then ln t1. */
  private static double[] stops(double[] knots, double t0, double t1) {
    double[] sorted = knots.clone();
    java.util.Arrays.sort(sorted);
    double lo = Math.log(t0);
    double hi = Math.log(t1);
    double[] out = new double[sorted.length + 1];
    int count = 0;
    for (double k : sorted) {
      double r = Math.log(k);
      // a knot within round-off of an end or of the previous knot adds nothing
      if (r > lo + 1e-12 * (hi - lo) && r < hi - 1e-12 * (hi - lo) && (count == 0 || r > out[count - 1])) {
        out[count++] = r;
      }
    }
    out[count++] = hi;
    return java.util.Arrays.copyOf(out, count);
  }

  /** dz/dρ at ρ: the rows' −½ t ŝ_VE(y, t) and −½ t ∇·ŝ_VE(y, t). */
  private void rhs(double rho, double[] z, double[] out) {
    double t = Math.exp(rho);
    model.scoreAndDivergence(t, 1, z, m, out, div);
    pointEvaluations += m;
    double f = -0.5 * t;
    int len = m * n;
    for (int q = 0; q < len; q++) {
      out[q] *= f;
    }
    for (int i = 0; i < m; i++) {
      out[len + i] = f * div[i];
    }
  }

  /**
   * One attempted step of size h from (ρ, z): the solution into {@code next}, its derivative (the last stage)
   * into k[last], and each row's scaled error into {@code errors}. Each stage's sum runs over its nonzero
   * weights in order, so Dormand–Prince gives the bits of its hand-unrolled form.
   */
  private void step(double rho, double h, double rhoNext, double[] z) {
    int last = pair.stages() - 1;
    for (int i = 1; i < last; i++) {
      combine(pair.a[i], h, z, stage);
      // a stage at the step's end is evaluated at its end exactly, not at ρ + 1·h
      rhs(pair.c[i] == 1 ? rhoNext : rho + pair.c[i] * h, stage, k[i]);
    }
    combine(pair.a[last], h, z, next);
    rhs(rhoNext, next, k[last]);
    int len = m * n;
    boolean logDensity = tol.control() == ErrorControl.LOG_DENSITY;
    // ŝ at the step's end from its last stage, k = −½ t ŝ
    double toScore = -2 / Math.exp(rhoNext);
    for (int i = 0; i < m; i++) {
      double sum = 0;
      double eEll = localError(len + i, h);
      double nats = Math.abs(eEll);
      for (int c = 0; c < n; c++) {
        int q = i * n + c;
        double e = localError(q, h);
        double r = e / (tol.atol() + tol.rtol() * Math.max(Math.abs(z[q]), Math.abs(next[q])));
        sum += r * r;
        nats += Math.abs(toScore * k[last][q] * e);
      }
      double el = eEll / (tol.atol() + tol.rtol() * Math.max(Math.abs(z[len + i]),
          Math.abs(next[len + i])));
      sum += el * el;
      double state = Math.sqrt(sum / (n + 1));
      // the log-density's first-order change, in units of atol nats (ErrorControl.LOG_DENSITY)
      errors[i] = logDensity ? Math.max(state, nats / tol.atol()) : state;
    }
  }

  /**
   * out = z + h·Σ_j a_j k_j over the row's nonzero weights in order; a row of one weight is z + h·a_j·k_j.
   */
  private void combine(double[] a, double h, double[] z, double[] out) {
    int nonzero = 0;
    int only = -1;
    for (int j = 0; j < a.length; j++) {
      if (a[j] != 0) {
        nonzero++;
        only = j;
      }
    }
    if (nonzero == 1) {
      double[] kj = k[only];
      double w = a[only];
      for (int q = 0; q < size; q++) {
        out[q] = z[q] + h * w * kj[q];
      }
      return;
    }
    boolean started = false;
    for (int j = 0; j < a.length; j++) {
      if (a[j] == 0) {
        continue;
      }
      double[] kj = k[j];
      double w = a[j];
      if (started) {
        for (int q = 0; q < size; q++) {
          out[q] += w * kj[q];
        }
      } else {
        for (int q = 0; q < size; q++) {
          out[q] = w * kj[q];
        }
        started = true;
      }
    }
    for (int q = 0; q < size; q++) {
      out[q] = z[q] + h * out[q];
    }
  }

  /** Component q's local error estimate over a step h: h·Σ_j e_j k_j, over the pair's nonzero weights. */
  private double localError(int q, double h) {
    double[] ew = pair.e;
    double e = 0;
    boolean started = false;
    for (int j = 0; j < ew.length; j++) {
      if (ew[j] != 0) {
        double t = ew[j] * k[j][q];
        e = started ? e + t : t;
        started = true;
      }
    }
    return e * h;
  }

  /**
   * The starting step of Hairer et al. (§II.4, "Starting step size"): h0 from |z|/|f|, one explicit Euler step
   * to gauge the second derivative, and h = min(100·h0, (0.01/max(d1, d2))^{1/5}), all in the scaled norm,
   * as the worst row.
   */
  private double initialStep(double rho, double[] z, double span) {
    double d0 = 0;
    double d1 = 0;
    for (int i = 0; i < m; i++) {
      double s0 = 0;
      double s1 = 0;
      for (int c = 0; c <= n; c++) {
        int q = c < n ? i * n + c : m * n + i;
        double sc = tol.atol() + tol.rtol() * Math.abs(z[q]);
        s0 += (z[q] / sc) * (z[q] / sc);
        s1 += (k[0][q] / sc) * (k[0][q] / sc);
      }
      d0 = Math.max(d0, Math.sqrt(s0 / (n + 1)));
      d1 = Math.max(d1, Math.sqrt(s1 / (n + 1)));
    }
    double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
    h0 = Math.min(h0, span);
    for (int q = 0; q < size; q++) {
      stage[q] = z[q] + h0 * k[0][q];
    }
    rhs(rho + h0, stage, k[1]);
    double d2 = 0;
    for (int i = 0; i < m; i++) {
      double s2 = 0;
      for (int c = 0; c <= n; c++) {
        int q = c < n ? i * n + c : m * n + i;
        double sc = tol.atol() + tol.rtol() * Math.abs(z[q]);
        double d = (k[1][q] - k[0][q]) / sc;
        s2 += d * d;
      }
      d2 = Math.max(d2, Math.sqrt(s2 / (n + 1)) / h0);
    }
    double big = Math.max(d1, d2);
    double h1 = big <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / big, 1.0 / pair.order);
    return Math.min(Math.min(100 * h0, h1), span);
  }
}

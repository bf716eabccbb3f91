package io.diffmix.schedules;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.util.List;
import java.util.Locale;

/**
 * The paper's time grid (Theorem 3.1; docs/algorithm.md §2, step 1), in VE time, built backward from T:
 * <pre>  t_k + 1 = (t_{k+1} + 1) · max{e^{−2κ}, (t_{k+1} + 1)^{−κ}}</pre>
 * In the VP time τ = ½ ln(t + 1) this is a constant step κ while t + 1 > e² (far from the data), and a step
 * of about κ·τ, geometric, near it. The recurrence runs while it stays above t1, and t1 closes the grid.
 *
 * <p>The exponent −κ is Algorithm 1's; the appendix's derivation gives −κ/(κ+1), which differs by O(κ²).
 */
public final class PaperGrid implements TimeGrid {
  /** The {@code paper} factory. */
  public static final GridFactory<Config> FACTORY = new GridFactory.Of<>("paper",
      "the paper's kappa recurrence in VE time: constant steps in tau far from the data, geometric steps near it, "
          + "down to t1",
      List.of(
          Param.real("kappa", "step size in VP time tau far from the data; null: " + PaperGrid.DEFAULT_KAPPA
              + ", or solved from steps").greaterThan(0).atMost(10).orAuto(),
          Param.integer("steps", "number of steps; when given, kappa is solved for").atLeast(1)
              .atMost(1_000_000).orAuto(),
          Param.real("t1", 1e-3, "last (smallest) time, in VE time").greaterThan(0),
          Param.real("t_max", "top time T in VE time; null for 100 (M2 + n) from the training data")
              .greaterThan(0).orAuto()),
      PaperGrid::configure, PaperGrid::new);

  private final Config config;

  /**
   * @param kappa κ, or NaN when {@code steps} sets it
   * @param steps the number of steps, or 0 when κ is given
   * @param t1 the last time, in VE time
   * @param tMax the top time T in VE time, or NaN for 100·(M2 + n)
   */
  public record Config(double kappa, int steps, double t1, double tMax) {}

  public PaperGrid(Config config) {
    this.config = config;
  }

  @Override
  public double[] times(Schedule schedule, DataMoments moments) {
    // T and t1 are cut to the schedule's range; a grid that misses it altogether is bad input
    VeWindow w = VeWindow.of(schedule, Double.isNaN(config.tMax()) ? VeWindow.defaultTop(moments) : config.tMax(),
        config.t1());
    double kappa = config.steps() > 0 ? kappaForSteps(config.steps(), w.top(), w.bottom()) : config.kappa();
    double[] ve = veTimes(kappa, w.top(), w.bottom());
    double[] t = new double[ve.length];
    for (int i = 0; i < ve.length; i++) {
      t[i] = VeWindow.time(schedule, ve[i]);
    }
    return t;
  }

  /**
   * The most levels a paper grid may have: {@code steps}' own bound. A κ far below the practical range (1e-9, say)
   * would otherwise ask for billions of levels and exhaust the heap before the first fit.
   */
  public static final int MAX_LEVELS = 1_000_001;

  /** The grid in VE time: T, then the recurrence while it stays above t1, then t1; at most {@link #MAX_LEVELS}. */
  public static double[] veTimes(double kappa, double top, double t1) {
    if (!(top > t1)) {
      return new double[] {t1};
    }
    int levels = steps(kappa, top, t1, MAX_LEVELS) + 1;
    if (levels > MAX_LEVELS) {
      throw new BadInputException("kappa: " + kappa + " gives about " + String.format(Locale.ROOT, "%.3g",
          estimatedSteps(kappa, top, t1)) + " levels from T = " + String.format(Locale.ROOT, "%.6g", top) + " down to t1 = " + t1 + ", above the cap of "
          + MAX_LEVELS + "; valid: kappa >= " + String.format(Locale.ROOT, "%.3g", smallestKappa(top, t1)));
    }
    double[] out = new double[levels];
    double t = top;
    for (int i = 0; t > t1; i++) {
      out[i] = t;
      t = next(t, kappa);
    }
    out[levels - 1] = t1;
    return out;
  }

  /** One step of the recurrence, t_k + 1 = (t_{k+1} + 1) · max{e^{−2κ}, (t_{k+1} + 1)^{−κ}}. */
  private static double next(double t, double kappa) {
    double p = t + 1;
    return p * Math.max(Math.exp(-2 * kappa), Math.pow(p, -kappa)) - 1;
  }

  /** The number of recurrence steps above t1, counted without storing them, or {@code limit} once it is reached. */
  private static int steps(double kappa, double top, double t1, int limit) {
    int steps = 0;
    for (double t = top; t > t1 && steps < limit; t = next(t, kappa)) {
      steps++;
    }
    return steps;
  }

  /**
   * The step count in closed form, for the message of a grid over the cap: constant steps of 2κ in ln(t + 1)
   * while t + 1 > e², then a geometric ln(t + 1) ← (1 − κ) ln(t + 1) down to ln(1 + t1).
   */
  static double estimatedSteps(double kappa, double top, double t1) {
    double lnTop = Math.log1p(top);
    double constant = Math.max(0, lnTop - 2) / (2 * kappa);
    double geometric = Math.log(Math.min(2, lnTop) / Math.log1p(t1)) / -Math.log1p(-Math.min(kappa, 0.5));
    return constant + Math.max(0, geometric);
  }

  /** The smallest κ whose closed-form step count stays under the cap, by bisection (the count falls as κ grows). */
  private static double smallestKappa(double top, double t1) {
    double lo = 1e-300;
    double hi = 10;
    for (int i = 0; i < 200; i++) {
      double mid = Math.sqrt(lo * hi);
      // a margin of 10 steps for the estimate's ceilings
      if (estimatedSteps(mid, top, t1) > MAX_LEVELS - 11) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    // up to three significant digits, as the message prints it
    double unit = Math.pow(10, Math.floor(Math.log10(hi)) - 2);
    return Math.ceil(hi / unit) * unit;
  }

  /**
   * The κ that gives exactly {@code steps} steps. The step count falls by one at a time as κ grows, so
   * bisection finds it.
   */
  public static double kappaForSteps(int steps, double top, double t1) {
    double lo = 1e-9;
    double hi = 1.0;
    while (steps(hi, top, t1, steps + 1) > steps) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && steps(hi, top, t1, steps + 1) != steps; i++) {
      double mid = 0.5 * (lo + hi);
      if (steps(mid, top, t1, steps + 1) > steps) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** κ when neither κ nor steps is given: docs/algorithm.md §5 recommends 0.02 to 0.1. */
  public static final double DEFAULT_KAPPA = 0.05;

  private static Config configure(Params p) {
    if (!p.isAuto("kappa") && !p.isAuto("steps")) {
      throw p.error("steps", "give kappa or steps, not both");
    }
    double tMax = p.isAuto("t_max") ? Double.NaN : p.real("t_max");
    if (!Double.isNaN(tMax) && tMax <= p.real("t1")) {
      throw p.error("t_max", tMax + " is not above t1 = " + p.real("t1") + "; valid: > t1");
    }
    int steps = p.isAuto("steps") ? 0 : p.integer("steps");
    double kappa = steps > 0 ? Double.NaN : p.isAuto("kappa") ? DEFAULT_KAPPA : p.real("kappa");
    return new Config(kappa, steps, p.real("t1"), tMax);
  }
}

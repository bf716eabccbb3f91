package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.util.ArrayList;
import java.util.List;

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

  /** The grid in VE time: T, then the recurrence while it stays above t1, then t1. */
  public static double[] veTimes(double kappa, double top, double t1) {
    List<Double> out = new ArrayList<>();
    if (!(top > t1)) {
      return new double[] {t1};
    }
    double t = top;
    while (t > t1) {
      out.add(t);
      double p = t + 1;
      t = p * Math.max(Math.exp(-2 * kappa), Math.pow(p, -kappa)) - 1;
    }
    out.add(t1);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The κ that gives exactly {@code steps} steps. The step count falls by one at a time as κ grows, so
   * bisection finds it.
   */
  public static double kappaForSteps(int steps, double top, double t1) {
    double lo = 1e-9;
    double hi = 1.0;
    while (veTimes(hi, top, t1).length - 1 > steps) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && veTimes(hi, top, t1).length - 1 != steps; i++) {
      double mid = 0.5 * (lo + hi);
      if (veTimes(mid, top, t1).length - 1 > steps) {
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

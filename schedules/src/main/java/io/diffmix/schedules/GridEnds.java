package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.util.List;
import java.util.function.Function;

/**
 * The config of a grid given by its step count and its two ends in VE time, shared by {@code uniform} and
 * {@code log-snr}. The ends default to the paper grid's: t1 = 1e-3 and T = 100·(M2 + n).
 *
 * @param steps the number of steps N (N + 1 times)
 * @param t1 the last time, in VE time
 * @param tMax the top time in VE time, or NaN for 100·(M2 + n) from the training data
 */
public record GridEnds(int steps, double t1, double tMax) {

  /** The factory of a grid given by its ends: the shared parameters, and {@code create} for the spacing. */
  static GridFactory<GridEnds> factory(String name, String description, Function<GridEnds, TimeGrid> create) {
    return new GridFactory.Of<>(name, description, params(), GridEnds::of, create);
  }

  static List<Param> params() {
    return List.of(
        Param.integer("steps", 200, "number of steps (times - 1)").atLeast(1).atMost(1_000_000),
        Param.real("t1", 1e-3, "last (smallest) time, in VE time").greaterThan(0),
        Param.real("t_max", "top time in VE time; null for 100 (M2 + n) from the training data")
            .greaterThan(0).orAuto());
  }

  static GridEnds of(Params p) {
    double tMax = p.isAuto("t_max") ? Double.NaN : p.real("t_max");
    if (!Double.isNaN(tMax) && tMax <= p.real("t1")) {
      throw p.error("t_max", tMax + " is not above t1 = " + p.real("t1") + "; valid: > t1");
    }
    return new GridEnds(p.integer("steps"), p.real("t1"), tMax);
  }

  VeWindow window(Schedule schedule, DataMoments moments) {
    double top = Double.isNaN(tMax) ? VeWindow.defaultTop(moments) : tMax;
    return VeWindow.of(schedule, top, t1);
  }
}

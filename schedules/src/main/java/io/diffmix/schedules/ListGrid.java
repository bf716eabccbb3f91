package io.diffmix.schedules;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.util.Arrays;
import java.util.List;

/**
 * A user-given list of times, strictly decreasing and positive: a first-class grid, as diffusion libraries'
 * users keep asking for. The times are in the schedule's own time (VE time under {@code ve}, σ under
 * {@code edm}, …), or in VE time with {@code "in": "ve"}.
 */
public final class ListGrid implements TimeGrid {
  /** The {@code list} factory. */
  public static final GridFactory<Config> FACTORY = new GridFactory.Of<>("list",
      "a user-given list of times, strictly decreasing and positive",
      List.of(
          Param.realList("times", "the times from the top down, strictly decreasing, all > 0"),
          Param.integer("steps", "number of steps; must equal the number of times - 1 when given").atLeast(1)
              .atMost(1_000_000).orAuto(),
          Param.choice("in", "schedule", "which time the list is in", "schedule", "ve")),
      ListGrid::configure, ListGrid::new);

  private final Config config;

  /**
   * @param times the times, as given
   * @param veTime whether they are VE times rather than the schedule's own
   */
  public record Config(List<Double> times, boolean veTime) {
    public Config {
      times = List.copyOf(times);
    }
  }

  public ListGrid(Config config) {
    this.config = config;
  }

  @Override
  public double[] times(Schedule schedule, DataMoments moments) {
    double[] t = new double[config.times().size()];
    for (int i = 0; i < t.length; i++) {
      double v = config.times().get(i);
      t[i] = config.veTime() ? VeWindow.time(schedule, v) : v;
    }
    return t;
  }

  private static Config configure(Params p) {
    double[] t = p.realList("times");
    if (t.length < 2) {
      throw p.error("times", "has " + t.length + " time(s); valid: at least 2, strictly decreasing, all > 0");
    }
    for (int i = 0; i < t.length; i++) {
      if (!Double.isFinite(t[i]) || t[i] <= 0) {
        throw p.error("times", "times[" + i + "] = " + t[i] + " is not positive; valid: times > 0 (t1 > 0)");
      }
      if (i > 0 && !(t[i] < t[i - 1])) {
        throw p.error("times", "times[" + i + "] = " + t[i] + " does not decrease from times[" + (i - 1) + "] = "
            + t[i - 1] + "; valid: strictly decreasing times");
      }
    }
    if (!p.isAuto("steps") && p.integer("steps") != t.length - 1) {
      throw p.error("steps", p.integer("steps") + " does not match the " + t.length + " times; valid: "
          + (t.length - 1) + " or null");
    }
    return new Config(Arrays.stream(t).boxed().toList(), p.text("in").equals("ve"));
  }
}

package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.experiment.GridCheck;
import io.diffmix.core.registry.Family;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import org.junit.jupiter.api.Test;

/** The grid contract: strictly decreasing, finite times in range, and exactly {@code steps} steps. */
public abstract class GridContract extends PluginContract<GridFactory<?>> {

  @Override
  protected final Family<GridFactory<?>> family() {
    return Family.GRID;
  }

  /** The quickstart's moments, for data-dependent defaults. */
  protected static DataMoments moments() {
    return DataMoments.of(TestTargets.draw(TestTargets.quickstart(), 5000, 1));
  }

  /** The example config with {@code steps} set; a grid whose times are given overrides this. */
  protected ObjectNode withSteps(int steps) {
    return exampleConfig().deepCopy().put("steps", steps);
  }

  @Test
  void strictlyDecreasingWithTheRequestedStepsUnderEverySchedule() {
    for (Schedule schedule : new Schedule[] {TestSchedules.ve(), TestSchedules.vp()}) {
      for (int steps = 1; steps <= 64; steps++) {
        TimeGrid grid = create(withSteps(steps));
        double[] t = GridCheck.check(grid.times(schedule, moments()), schedule, "test");
        assertThat(t).as("steps=%d", steps).hasSize(steps + 1);
      }
    }
  }

  @Test
  void sameConfigSameTimes() {
    TimeGrid a = create(exampleConfig());
    TimeGrid b = create(exampleConfig());
    assertThat(a.times(TestSchedules.ve(), moments())).isEqualTo(b.times(TestSchedules.ve(), moments()));
  }
}

package io.diffmix.schedules;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.ScheduleFactory;
import java.util.Collection;
import java.util.List;

/** The built-in noise schedules and time grids. */
public final class SchedulesPlugin implements DiffmixPlugin {
  @Override
  public Collection<ScheduleFactory<?>> schedules() {
    return List.of(VeSchedule.FACTORY, VpSchedule.FACTORY, VpLinearSchedule.FACTORY, VpCosineSchedule.FACTORY,
        EdmSchedule.FACTORY);
  }

  @Override
  public Collection<GridFactory<?>> grids() {
    return List.of(PaperGrid.FACTORY, UniformGrid.FACTORY, LogSnrGrid.FACTORY, KarrasGrid.FACTORY,
        ListGrid.FACTORY);
  }
}

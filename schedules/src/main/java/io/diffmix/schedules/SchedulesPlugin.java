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
    return List.of(new VeSchedule.Factory(), new VpSchedule.Factory(), new VpLinearSchedule.Factory(),
        new VpCosineSchedule.Factory(), new EdmSchedule.Factory());
  }

  @Override
  public Collection<GridFactory<?>> grids() {
    return List.of(new PaperGrid.Factory(), new UniformGrid.Factory(), new LogSnrGrid.Factory(),
        new KarrasGrid.Factory(), new ListGrid.Factory());
  }
}

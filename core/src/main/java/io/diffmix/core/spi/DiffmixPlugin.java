package io.diffmix.core.spi;

import java.util.Collection;
import java.util.List;

/**
 * The root SPI: a plugin jar lists its implementation in
 * {@code META-INF/services/io.diffmix.core.spi.DiffmixPlugin}.
 *
 * <p>Like Trino's {@code Plugin}, every method has a default that contributes nothing, so a plugin overrides
 * only what it brings:
 *
 * <pre>{@code
 * public final class MidpointPlugin implements DiffmixPlugin {
 *   public Collection<SamplerFactory<?>> samplers() { return List.of(new MidpointFactory()); }
 * }
 * }</pre>
 */
public interface DiffmixPlugin {

  default Collection<TargetFactory<?>> targets() {
    return List.of();
  }

  default Collection<ScheduleFactory<?>> schedules() {
    return List.of();
  }

  default Collection<GridFactory<?>> grids() {
    return List.of();
  }

  default Collection<LearnerFactory<?>> learners() {
    return List.of();
  }

  default Collection<SamplerFactory<?>> samplers() {
    return List.of();
  }

  default Collection<MetricFactory<?>> metrics() {
    return List.of();
  }
}

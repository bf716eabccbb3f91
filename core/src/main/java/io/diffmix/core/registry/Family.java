package io.diffmix.core.registry;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.GridFactory;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.PluginFactory;
import io.diffmix.core.spi.SamplerFactory;
import io.diffmix.core.spi.ScheduleFactory;
import io.diffmix.core.spi.TargetFactory;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A plugin family: its name in configs and messages, its factory type, and how a plugin contributes to it.
 *
 * @param <F> the factory type
 */
public final class Family<F extends PluginFactory<?, ?>> {
  public static final Family<TargetFactory<?>> TARGET =
      new Family<>("target", TargetFactory.class, DiffmixPlugin::targets);
  public static final Family<ScheduleFactory<?>> SCHEDULE =
      new Family<>("schedule", ScheduleFactory.class, DiffmixPlugin::schedules);
  public static final Family<GridFactory<?>> GRID =
      new Family<>("grid", GridFactory.class, DiffmixPlugin::grids);
  public static final Family<LearnerFactory<?>> LEARNER =
      new Family<>("learner", LearnerFactory.class, DiffmixPlugin::learners);
  public static final Family<SamplerFactory<?>> SAMPLER =
      new Family<>("sampler", SamplerFactory.class, DiffmixPlugin::samplers);
  public static final Family<MetricFactory<?>> METRIC =
      new Family<>("metric", MetricFactory.class, DiffmixPlugin::metrics);

  /** Every family, in the order {@code diffmix plugins} lists them. */
  public static final List<Family<?>> ALL = List.of(TARGET, SCHEDULE, GRID, LEARNER, SAMPLER, METRIC);

  private final String name;
  private final Class<F> factoryType;
  private final Function<DiffmixPlugin, Collection<? extends F>> contributions;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Family(String name, Class rawType, Function<DiffmixPlugin, Collection<? extends F>> contributions) {
    this.name = name;
    this.factoryType = (Class<F>) rawType;
    this.contributions = contributions;
  }

  public String name() {
    return name;
  }

  public Class<F> factoryType() {
    return factoryType;
  }

  /** The factories a plugin contributes to this family. */
  public Collection<? extends F> of(DiffmixPlugin plugin) {
    Collection<? extends F> c = contributions.apply(plugin);
    return c == null ? List.of() : c;
  }

  @Override
  public String toString() {
    return name;
  }
}

package io.diffmix.core.spi;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** A named factory of the {@code schedule} family. */
public interface ScheduleFactory<C extends Record> extends PluginFactory<C, Schedule> {

  /** The factory of a schedule without parameters: its name, one sentence for {@code diffmix plugins}, its constructor. */
  static ScheduleFactory<NoParams> of(String name, String description, Supplier<Schedule> constructor) {
    return new Of<>(name, description, List.of(), p -> new NoParams(), c -> constructor.get());
  }

  /** A schedule factory given by its parts (see {@link FactoryParts}). */
  record Of<C extends Record>(String name, String description, List<Param> params, Function<Params, C> configure,
      Function<C, Schedule> create) implements ScheduleFactory<C>, FactoryParts<C, Schedule> {}
}

package io.diffmix.core.spi;

/** A named factory of the {@code schedule} family. */
public interface ScheduleFactory<C extends Record> extends PluginFactory<C, Schedule> {}

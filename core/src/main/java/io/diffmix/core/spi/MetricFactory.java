package io.diffmix.core.spi;

/** A named factory of the {@code metric} family. */
public interface MetricFactory<C extends Record> extends PluginFactory<C, Metric> {}

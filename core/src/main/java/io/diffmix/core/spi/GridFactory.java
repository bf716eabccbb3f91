package io.diffmix.core.spi;

/** A named factory of the {@code grid} family. */
public interface GridFactory<C extends Record> extends PluginFactory<C, TimeGrid> {}

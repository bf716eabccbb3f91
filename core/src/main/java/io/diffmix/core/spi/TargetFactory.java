package io.diffmix.core.spi;

/** A named factory of the {@code target} family. */
public interface TargetFactory<C extends Record> extends PluginFactory<C, Target> {}

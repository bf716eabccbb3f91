package io.diffmix.core.spi;

/** A named factory of the {@code sampler} family. */
public interface SamplerFactory<C extends Record> extends PluginFactory<C, Sampler> {}

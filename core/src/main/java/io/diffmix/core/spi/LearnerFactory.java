package io.diffmix.core.spi;

/** A named factory of the {@code learner} family. */
public interface LearnerFactory<C extends Record> extends PluginFactory<C, Learner> {}

package io.diffmix.core.spi;

/**
 * The config of a plugin without parameters, such as {@code pf-heun} or {@code ve}: what a family's shorthand
 * {@code of(name, description, constructor)} configures, for example
 * {@code SamplerFactory.of("pf-heun", "Heun's method on the probability-flow ODE", PfHeunSampler::new)}.
 */
public record NoParams() {}

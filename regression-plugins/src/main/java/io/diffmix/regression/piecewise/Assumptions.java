package io.diffmix.regression.piecewise;

/**
 * The paper's assumptions about the data, which the learner takes as parameters since it cannot see them: every
 * component is σ0-spherical around a mean within R0 of its support, and no weight is below α_min. c scales the
 * cover radius c·(R0 + s√ln(1/α_min)) of Algorithm 2, whose constant the paper leaves open.
 */
public record Assumptions(double sigma0, double r0, double alphaMin, double c) {}

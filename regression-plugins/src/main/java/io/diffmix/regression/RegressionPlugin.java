package io.diffmix.regression;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.regression.piecewise.PiecewisePolynomialFactory;
import java.util.Collection;
import java.util.List;

/** The built-in score learners. */
public final class RegressionPlugin implements DiffmixPlugin {
  @Override
  public Collection<LearnerFactory<?>> learners() {
    return List.of(ExactLearner.FACTORY, PiecewisePolynomialFactory.FACTORY, EmGmmLearner.FACTORY,
        KernelRidgeLearner.FACTORY);
  }
}

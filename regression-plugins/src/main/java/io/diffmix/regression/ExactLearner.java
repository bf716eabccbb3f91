package io.diffmix.regression;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.TrueDistribution;
import java.util.Map;

/**
 * The oracle: the target's exact score, learned from nothing. It isolates a sampler's discretization error,
 * and it is the only learner allowed to read the target's truth.
 */
public final class ExactLearner implements Learner {

  /** The exact score reads the truth, in every dimension. */
  @Override
  public boolean fitsInSubspace() {
    return false;
  }

  @Override
  public FittedModel fit(Input input) {
    TrueDistribution truth = input.oracleTruth().orElseThrow(() -> new BadInputException(
        "learner 'exact' needs a synthetic target with a closed-form score; this target has none"));
    return new FittedModel(truth.exactScore(), Map.of("oracle", true));
  }

  /** The {@code exact} factory. */
  public static final LearnerFactory<NoParams> FACTORY = LearnerFactory.of("exact", "the exact score of a "
      + "synthetic target (oracle): no learning, only the sampler's own error remains", ExactLearner::new);
}

package io.diffmix.core.spi;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.score.ScoreModel;
import java.io.DataInputStream;
import java.io.IOException;

/** A named factory of the {@code learner} family. */
public interface LearnerFactory<C extends Record> extends PluginFactory<C, Learner> {

  /**
   * Rebuilds a model from the payload its {@link PersistentModel} wrote. The default refuses: a learner whose
   * models are not persistent cannot be read back.
   *
   * @param registry for payloads that name other plugins, such as the oracle's target
   */
  default ScoreModel readModel(DataInputStream in, Registry registry) throws IOException {
    throw new BadInputException("learner '" + name() + "' does not save its models");
  }
}

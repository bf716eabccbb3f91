package io.diffmix.core.spi;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A score model that can be saved in a model file. Its learner's factory reads the payload back with
 * {@link LearnerFactory#readModel}.
 */
public interface PersistentModel {

  /** Writes everything needed to rebuild the model. */
  void writePayload(DataOutputStream out) throws IOException;
}

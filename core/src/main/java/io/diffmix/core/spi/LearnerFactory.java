package io.diffmix.core.spi;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.score.ScoreModel;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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

  /** How a learner's saved models are read back: {@link #readModel} as a function. */
  @FunctionalInterface
  interface ModelReader {
    ScoreModel read(DataInputStream in, Registry registry) throws IOException;
  }

  /**
   * The factory of a learner without parameters whose models are not saved: its name, one sentence for
   * {@code diffmix plugins}, its constructor.
   */
  static LearnerFactory<NoParams> of(String name, String description, Supplier<Learner> constructor) {
    return new Of<>(name, description, List.of(), p -> new NoParams(), c -> constructor.get(), (in, registry) -> {
      throw new BadInputException("learner '" + name + "' does not save its models");
    });
  }

  /** A learner factory given by its parts (see {@link FactoryParts}) and the reader of its saved models. */
  record Of<C extends Record>(String name, String description, List<Param> params, Function<Params, C> configure,
      Function<C, Learner> create, ModelReader reader) implements LearnerFactory<C>, FactoryParts<C, Learner> {
    @Override
    public ScoreModel readModel(DataInputStream in, Registry registry) throws IOException {
      return reader.read(in, registry);
    }
  }
}

package io.diffmix.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.PersistentModel;
import io.diffmix.core.subspace.MeanSpan;
import io.diffmix.core.subspace.Subspace;
import io.diffmix.core.subspace.SubspaceScore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/** Saving a fitted model with what sampling from it later needs, and loading it back through its learner. */
public final class SavedModels {
  private SavedModels() {}

  /** The provenance key of a model fitted in the span of the means: its payload starts with the span. */
  static final String SUBSPACE = "subspace";

  /** A loaded model with the provenance and data moments it was saved with. */
  public record Loaded(String learner, ScoreModel model, JsonNode provenance, DataMoments moments) {}

  /**
   * The bytes of a model file for {@code model}, or empty when the model cannot be saved (the oracle's).
   *
   * @param provenance the run's provenance; the data's moments are added to it
   */
  public static Optional<byte[]> bytes(String learner, ScoreModel model, JsonNode provenance, DataMoments moments)
      throws IOException {
    // a model fitted in the span of the means: the span first, then the inner model's own payload
    SubspaceScore sub = model instanceof SubspaceScore s ? s : null;
    if (!((sub == null ? model : sub.inner()) instanceof PersistentModel persistent)) {
      return Optional.empty();
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(payload)) {
      if (sub != null) {
        sub.writeSpan(out);
      }
      persistent.writePayload(out);
    }
    ObjectNode prov = provenance.deepCopy();
    if (sub != null) {
      prov.set(SUBSPACE, Json.MAPPER.valueToTree(Subspace.facts(sub.span())));
    }
    ObjectNode m = prov.putObject("data_moments");
    m.put("dim", moments.dim());
    m.put("rows", moments.rows());
    m.set("mean", Json.MAPPER.valueToTree(moments.mean()));
    m.put("second_moment", moments.secondMoment());
    m.put("mean_variance", moments.meanVariance());
    return Optional.of(ModelFile.bytes(learner, prov, payload.toByteArray()));
  }

  /** Reads a model file and rebuilds its model through the learner that wrote it. */
  public static Loaded load(java.nio.file.Path file, Registry registry) {
    ModelFile.Contents c = ModelFile.read(file);
    LearnerFactory<?> factory;
    try {
      factory = registry.forName(Family.LEARNER, c.learner());
    } catch (BadInputException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
    ScoreModel model;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(c.payload()))) {
      if (c.provenance().has(SUBSPACE)) {
        MeanSpan span = SubspaceScore.readSpan(in);
        model = SubspaceScore.of(span, factory.readModel(in, registry));
      } else {
        model = factory.readModel(in, registry);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException b) {
        throw new BadInputException(file + ": " + b.getMessage(), b);
      }
      // EOFException carries no message: say what it means
      String why = e instanceof java.io.EOFException ? "it ends early"
          : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new BadInputException(file + ": the " + c.learner() + " model's payload is malformed (" + why
          + "); valid: a model file written by diffmix fit or run", e);
    }
    JsonNode m = c.provenance().path("data_moments");
    if (!m.isObject()) {
      throw new BadInputException(file + ": provenance has no data_moments");
    }
    double[] mean = new double[m.path("mean").size()];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = m.path("mean").get(i).asDouble();
    }
    return new Loaded(c.learner(), model, c.provenance(), new DataMoments(m.path("dim").asInt(),
        m.path("rows").asInt(), mean, m.path("second_moment").asDouble(), m.path("mean_variance").asDouble()));
  }
}

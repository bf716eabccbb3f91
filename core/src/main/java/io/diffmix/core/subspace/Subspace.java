package io.diffmix.core.subspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.Learner;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config's {@code subspace} key: learn in the span of the means, for every learner that fits a score from
 * rows (docs/high-dimensions.md §1). The paper's remark that for discrete mixtures an SVD preprocessing replaces n
 * by min(n, k) is what this does: the learner sees r coordinates, and {@link SubspaceScore} completes the score in
 * the other n − r in closed form.
 *
 * @param rank the rank to keep, {@link #AUTO} for the Marchenko–Pastur test, or {@link #NONE}
 * @param sigma0 σ0 of the components, for the rank test
 */
public record Subspace(int rank, double sigma0) {
  public static final int AUTO = -1;
  public static final int NONE = -2;

  /** No subspace: the learner sees the rows as they are. */
  public static final Subspace OFF = new Subspace(NONE, 1.0);

  private static final List<String> KEYS = List.of("rank", "sigma0");

  /** Parses {@code {"rank": "auto" | "none" | r, "sigma0": s}}, or null for {@link #OFF}. */
  public static Subspace parse(JsonNode node, String source) {
    if (node == null || node.isNull()) {
      return OFF;
    }
    String where = source + ": subspace";
    if (!node.isObject()) {
      throw new BadInputException(where + ": expected an object such as {\"rank\": \"auto\"}, got " + node);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new BadInputException(where + ": unknown key '" + k + "'; valid: " + String.join(", ", KEYS));
      }
    }
    JsonNode r = node.path("rank");
    int rank;
    if (r.isMissingNode() || r.isNull() || r.isTextual() && r.asText().equals("auto")) {
      rank = AUTO;
    } else if (r.isTextual() && r.asText().equals("none")) {
      rank = NONE;
    } else if (r.isIntegralNumber() && r.canConvertToInt() && r.asInt() >= 1) {
      rank = r.asInt();
    } else {
      throw new BadInputException(where + ".rank: " + r + " is not a rank; valid: \"auto\", \"none\" or an "
          + "integer >= 1");
    }
    JsonNode s = node.path("sigma0");
    double sigma0 = 1.0;
    if (!s.isMissingNode() && !s.isNull()) {
      if (!s.isNumber() || !(s.asDouble() > 0) || !Double.isFinite(s.asDouble())) {
        throw new BadInputException(where + ".sigma0: " + s + " is out of range; valid: a number > 0");
      }
      sigma0 = s.asDouble();
    }
    return new Subspace(rank, sigma0);
  }

  /** The key's resolved form, or empty when off (so that configs without it keep their hash). */
  public Optional<ObjectNode> json() {
    if (rank == NONE) {
      return Optional.empty();
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (rank == AUTO) {
      o.put("rank", "auto");
    } else {
      o.put("rank", rank);
    }
    o.put("sigma0", sigma0);
    return Optional.of(o);
  }

  /**
   * The span the learner fits in, or empty when it sees the rows as they are: the key is off, the learner does
   * not fit from rows ({@link Learner#fitsInSubspace}), or the span is the whole space.
   */
  public Optional<MeanSpan> span(Samples train, Learner learner) {
    if (rank == NONE || !learner.fitsInSubspace()) {
      return Optional.empty();
    }
    MeanSpan span = MeanSpan.of(train, rank, sigma0);
    return span.rank() < train.dim() ? Optional.of(span) : Optional.empty();
  }

  /** The inner fit completed to the whole space, its summary with the span's facts. */
  public static Learner.FittedModel wrap(MeanSpan span, Learner.FittedModel inner) {
    Map<String, Object> summary = new LinkedHashMap<>(inner.summary());
    summary.put("subspace", facts(span));
    return new Learner.FittedModel(SubspaceScore.of(span, inner.model()), summary);
  }

  /** What the report and a model file's provenance record of a span. */
  public static Map<String, Object> facts(MeanSpan span) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("dim", span.dim());
    f.put("rank", span.rank());
    f.put("complement_variance", span.complementVariance());
    f.put("eigenvalues", span.eigenvalues());
    return f;
  }
}

package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Component;
import io.diffmix.core.spi.Metric;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything a run's floors depend on, so that equal keys mean bit-identical floors: the target's resolved config
 * and the SHA-256 of the data drawn from it (a file target's rows), the sizes, the number of pairs, the master seed
 * (every pair's stream and the metric's own come from it), the schedule and the grid's times (a metric may read
 * them), and, per metric, its resolved config and its plugin's version, with diffmix's version.
 */
public final class FloorKey {
  private final ObjectNode context;

  private FloorKey(ObjectNode context) {
    this.context = context;
  }

  /** The key context of a run: what its floors share whatever the metric. */
  public static FloorKey of(ExperimentSpec spec, String dataSha256, int generated, int referenceRows, double[] times) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("diffmix", Provenance.version());
    c.set("target", spec.target().json());
    c.put("target_version", spec.target().origin() == null ? "unknown" : spec.target().origin().version());
    c.put("data_sha256", dataSha256);
    c.put("generated", generated);
    c.put("reference", referenceRows);
    c.put("floor_pairs", spec.floorPairs());
    c.put("seed", spec.seed());
    c.set("schedule", spec.schedule().json());
    ArrayNode t = c.putArray("times");
    for (double x : times) {
      t.add(Long.toHexString(Double.doubleToRawLongBits(x)));
    }
    return new FloorKey(c);
  }

  /** The key of one metric's floor: a SHA-256, in hex. */
  public String of(Component<Metric> metric) {
    ObjectNode k = context.deepCopy();
    k.set("metric", metric.json());
    k.put("metric_version", metric.origin() == null ? "unknown" : metric.origin().version());
    return sha256(k.toString());
  }

  /**
   * The key of the oracle's row, the discretization floor: the same sampling with the exact score and its metrics
   * depend on this context, the sampler with its version, the sampler's own times and every metric, but not on
   * the learner. A SHA-256, in hex.
   */
  public String oracle(Component<?> sampler, double[] samplerTimes, java.util.List<? extends Component<?>> metrics) {
    ObjectNode k = context.deepCopy();
    k.put("oracle", true);
    k.set("sampler", sampler.json());
    k.put("sampler_version", sampler.origin() == null ? "unknown" : sampler.origin().version());
    ArrayNode t = k.putArray("sampler_times");
    for (double x : samplerTimes) {
      t.add(Long.toHexString(Double.doubleToRawLongBits(x)));
    }
    ArrayNode m = k.putArray("metrics");
    for (Component<?> c : metrics) {
      m.addObject().put("version", c.origin() == null ? "unknown" : c.origin().version()).set("metric", c.json());
    }
    return sha256(k.toString());
  }

  /** The context's own hash: runs with equal ids draw the same floor pairs. */
  public String id() {
    return sha256(context.toString());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

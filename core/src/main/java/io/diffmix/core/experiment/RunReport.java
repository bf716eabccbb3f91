package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.Target;
import java.util.Map;

/**
 * report.json's tree, assembled from the results of a run's stages. Its keys keep their order: diffmix_version,
 * provenance, data, learner, sampler, metrics, timing, then oracle when the run has one; timing ends with the
 * oracle's times and run_seconds.
 */
final class RunReport {
  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  private ObjectNode timing;

  RunReport(ObjectNode provenance) {
    root.put("diffmix_version", Provenance.version());
    root.set("provenance", provenance);
  }

  /** The data block: the dimension and the rows drawn, held out and generated. */
  RunReport data(int dim, Target.TargetData data, int generated) {
    ObjectNode d = root.putObject("data");
    d.put("dim", dim);
    d.put("train", data.train().rows());
    d.put("reference", data.reference().rows());
    d.put("generated", generated);
    return this;
  }

  /**
   * The learner block: its name, {@code levels} and {@code cells_total} from its summary (0 when it does not name
   * them), the fit's time, then the rest of the learner's own summary.
   */
  RunReport learner(String name, Learner.FittedModel fitted, double fitSeconds) {
    ObjectNode l = root.putObject("learner");
    l.put("name", name);
    Learner.FittedModel.LEVELS.forEach(key -> l.put(key, fitted.count(key)));
    l.put("fit_seconds", fitSeconds);
    fitted.summary().forEach((k, v) -> {
      if (!Learner.FittedModel.LEVELS.contains(k)) {
        l.set(k, Json.MAPPER.valueToTree(v));
      }
    });
    return this;
  }

  /** The learned run's sampler block ({@link #samplerBlock}) and its metrics block ({@link ReportMetrics}). */
  RunReport sampling(ObjectNode sampler, ObjectNode metrics) {
    root.set("sampler", sampler);
    root.set("metrics", metrics);
    return this;
  }

  /** The timing block of the learned run: each stage's seconds, and each metric's. */
  RunReport timing(double fitSeconds, double sampleSeconds, double floorSeconds, double metricsSeconds,
      Map<String, Double> perMetric) {
    timing = root.putObject("timing");
    timing.put("fit_seconds", fitSeconds);
    timing.put("sample_seconds", sampleSeconds);
    timing.put("floor_seconds", floorSeconds);
    timing.put("metrics_seconds", metricsSeconds);
    perMetric.forEach((name, sec) -> timing.with("per_metric_seconds").put(name, sec));
    return this;
  }

  /** The oracle block, the same sampler with the exact score, and its times in the timing block. */
  void oracle(ObjectNode sampler, ObjectNode metrics, Map<String, Double> perMetric, double sampleSeconds,
      double metricsSeconds) {
    ObjectNode o = root.putObject("oracle");
    o.set("sampler", sampler);
    o.set("metrics", metrics);
    perMetric.forEach((name, sec) -> timing.with("oracle_per_metric_seconds").put(name, sec));
    timing.put("oracle_sample_seconds", sampleSeconds);
    timing.put("oracle_metrics_seconds", metricsSeconds);
  }

  /** The oracle block's sampler, after {@link #oracle}. */
  ObjectNode oracleSampler() {
    return (ObjectNode) root.path("oracle").get("sampler");
  }

  /** The oracle block's metrics, after {@link #oracle}. */
  ObjectNode oracleMetrics() {
    return (ObjectNode) root.path("oracle").get("metrics");
  }

  /** The finished tree, with the whole run's time. */
  ObjectNode finish(double runSeconds) {
    timing.put("run_seconds", runSeconds);
    return root;
  }

  /** A sampler block: its name, NFE per point, steps, the grid's ends and its time. */
  static ObjectNode samplerBlock(String name, SamplingRun.Result r, double seconds, double[] times) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("name", name);
    s.put("nfe", r.nfe());
    s.put("steps", times.length - 1);
    s.put("t_max", times[0]);
    s.put("t_min", times[times.length - 1]);
    s.put("sample_seconds", seconds);
    return s;
  }

  /** Where the floors came from: the cache's folder, and which metrics' floors it held. */
  static ObjectNode cacheBlock(FloorCache cache, Map<String, MetricSuite.Floor> floors) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("enabled", cache.enabled());
    cache.folder().ifPresentOrElse(f -> c.put("folder", f.toString()), () -> c.putNull("folder"));
    var hits = c.putArray("from_cache");
    var computed = c.putArray("computed");
    floors.forEach((name, f) -> (f.fromCache() ? hits : computed).add(name));
    return c;
  }
}

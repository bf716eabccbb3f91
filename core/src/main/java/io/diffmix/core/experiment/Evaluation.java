package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Component;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Metrics for a sample file, without training: {@code diffmix evaluate}. The result has the same
 * {@code metrics} block as a run's report.
 *
 * <p>Against a config, the reference sample and the floors are drawn exactly as {@code run} draws them, so the
 * samples of a run evaluate to the numbers in its report. Against a reference file, only metrics that need
 * no truth run, and the floors come from disjoint halves of the reference rows.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Evaluates against the target, seed and metrics of a config, computing every floor. */
  public static ObjectNode againstConfig(ExperimentSpec spec, Samples generated, int threads) {
    return againstConfig(spec, generated, threads, FloorCache.off());
  }

  /** As above, with the floors that {@code floorCache} holds taken from it: a run's floors serve its evaluation. */
  public static ObjectNode againstConfig(ExperimentSpec spec, Samples generated, int threads,
      FloorCache floorCache) {
    FloorCache cache = spec.floorCache() ? floorCache : FloorCache.off();
    Target target = spec.target().instance();
    if (generated.dim() != target.dim()) {
      throw new BadInputException("--samples: points of dimension " + generated.dim() + ", but target '"
          + spec.target().name() + "' has dimension " + target.dim());
    }
    Instant started = Instant.now();
    RandomStreams streams = new RandomStreams(spec.seed());
    try (Parallel parallel = new Parallel(threads)) {
      Target.TargetData data = target.draw(spec.train(), spec.reference(), streams.child("data"));
      Schedule schedule = spec.schedule().instance();
      double[] grid = GridCheck.times(spec.grid().instance(), schedule, DataMoments.of(data.train()),
          spec.source() + ": grid '" + spec.grid().name() + "'");
      MetricSuite suite = new MetricSuite(spec.metrics(), data.reference(), target.truth(), schedule, grid,
          streams.child("metrics"), parallel);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("diffmix_version", Provenance.version());
      String dataSha256 = Provenance.sha256(data.train(), data.reference());
      out.set("provenance", Provenance.of(spec, threads, started, dataSha256));
      out.set("data", dataBlock(generated, data.reference()));
      out.set("metrics", ReportMetrics.toJson(suite.evaluate(generated, Optional.empty()),
          suite.floors(target, data, generated.rows(), spec.floorPairs(), cache,
              FloorKey.of(spec, dataSha256, generated.rows(), data.reference().rows(), grid))));
      return out;
    }
  }

  /** Evaluates sample metrics against a reference sample, with floors from its disjoint halves. */
  public static ObjectNode againstReference(
      List<Component<Metric>> metrics, Samples generated, Samples reference, long seed, int floorPairs,
      int threads, Schedule schedule) {
    if (generated.dim() != reference.dim()) {
      throw new BadInputException("--samples has dimension " + generated.dim() + " but --reference has dimension "
          + reference.dim());
    }
    RandomStreams streams = new RandomStreams(seed);
    try (Parallel parallel = new Parallel(threads)) {
      MetricSuite suite = new MetricSuite(metrics, reference, Optional.empty(), schedule, new double[] {1},
          streams.child("metrics"), parallel);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("diffmix_version", Provenance.version());
      ObjectNode p = out.putObject("provenance");
      p.put("seed", seed);
      p.put("rng", RandomStreams.DESCRIPTION);
      p.put("kernel_sums", io.diffmix.core.metrics.KernelSums.best().name());
      p.put("threads", threads);
      p.put("started", Instant.now().toString());
      p.put("samples_sha256", Provenance.sha256(generated));
      p.put("reference_sha256", Provenance.sha256(reference));
      var list = p.putArray("metrics");
      metrics.forEach(m -> list.add(m.json()));
      out.set("data", dataBlock(generated, reference));
      out.set("metrics", ReportMetrics.toJson(suite.evaluate(generated, Optional.empty()),
          suite.floors(new HeldOutHalves(reference, streams.child("floors")), generated.rows(), floorPairs)));
      return out;
    }
  }

  private static ObjectNode dataBlock(Samples generated, Samples reference) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("dim", generated.dim());
    d.put("reference", reference.rows());
    d.put("generated", generated.rows());
    return d;
  }
}

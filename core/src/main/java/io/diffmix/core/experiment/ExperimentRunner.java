package io.diffmix.core.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.io.NpyReader;
import java.nio.file.Path;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TrueDistribution;
import io.diffmix.core.subspace.MeanSpan;
import io.diffmix.core.subspace.Subspace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs an experiment: draw the data, fit the learner, sample, evaluate, and, for synthetic targets, repeat the
 * sampling with the exact score (the oracle), paired with the learned run.
 *
 * <p>Everything stays in memory; {@link RunWriter} writes the outputs, atomically, only after the run
 * succeeded. The oracle run reuses the learned run's schedule, grid, sampler, initial points, noise streams,
 * reference sample and floors, so the two differ by the score alone.
 *
 * <pre>{@code
 * ExperimentSpec spec = ExperimentSpec.parse(Json.read(path), path.toString(), registry);
 * Outcome outcome = ExperimentRunner.run(spec, 2, System.err::println);
 * }</pre>
 */
public final class ExperimentRunner {
  private ExperimentRunner() {}

  /**
   * A finished run.
   *
   * @param report report.json's tree
   * @param samples the generated points
   * @param model the fitted score model
   * @param reference the held-out reference points
   * @param truth the target's closed form, for plots that mark the true means
   * @param moments the training data's moments, which a saved model needs for its prior and grid
   */
  public record Outcome(ObjectNode report, Samples samples, ScoreModel model, Samples reference,
      Optional<TrueDistribution> truth, DataMoments moments) {}

  /** Told how far a stage ("fit", "sample", "oracle") has come. Called from worker threads. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (stage, done, total) -> {};

    void advanced(String stage, long done, long total);
  }

  public static Outcome run(ExperimentSpec spec, int threads, Consumer<String> log) {
    return run(spec, threads, log, Progress.NONE);
  }

  /**
   * The first half of a run: the data drawn, the grid built and the learner fitted.
   *
   * @param data the training and reference rows
   * @param moments the training rows' moments
   * @param grid the learner's levels
   * @param fitted the learner's result
   * @param fitSeconds the wall-clock time of the fit
   */
  public record Fit(Target.TargetData data, DataMoments moments, double[] grid, Learner.FittedModel fitted,
      double fitSeconds) {}

  /** Draws the data and fits the learner: {@code diffmix fit}, and the start of {@code run}. */
  public static Fit fit(ExperimentSpec spec, int threads, Consumer<String> log, Progress progress) {
    try (Parallel parallel = new Parallel(threads)) {
      RandomStreams streams = new RandomStreams(spec.seed());
      return fit(spec, prepare(spec, streams, parallel, false), streams, parallel, log, progress);
    }
  }

  /**
   * Every check a run makes before its fit, without fitting: the data drawn, the grids built, the minimum rows and
   * the memory estimate. {@code compare} calls it for every pair before any cell runs.
   */
  public static void check(ExperimentSpec spec, int threads) {
    try (Parallel parallel = new Parallel(threads)) {
      prepare(spec, new RandomStreams(spec.seed()), parallel, true);
    }
  }

  /**
   * What a run knows before its first fitted level: the data, their moments, the learner's grid and the sampler's.
   * Every check of {@link ResourceCheck} and {@link GridCheck} has passed.
   */
  /** @param spanSeconds the time the span took, which the fit's time includes */
  private record Prepared(Target.TargetData data, DataMoments moments, double[] grid, double[] samplerTimes,
      Optional<MeanSpan> span, double spanSeconds) {}

  /** @param withSampling whether sampling and metrics follow: the sampler's grid, and the memory they need */
  private static Prepared prepare(ExperimentSpec spec, RandomStreams streams, Parallel parallel,
      boolean withSampling) {
    Target target = spec.target().instance();
    Target.TargetData data = target.draw(spec.train(), spec.reference(), streams.child("data"));
    ResourceCheck.trainRows(spec, data.train().rows());
    Schedule schedule = spec.schedule().instance();
    DataMoments moments = DataMoments.of(data.train());
    ResourceCheck.moments(spec, moments);
    double[] grid = GridCheck.times(spec.grid().instance(), schedule, moments,
        spec.source() + ": grid '" + spec.grid().name() + "'");
    double[] samplerTimes = !withSampling ? grid : spec.samplerGrid()
        .map(g -> GridCheck.times(g.instance(), schedule, moments,
            spec.source() + ": sampler.grid '" + g.name() + "'"))
        .orElse(grid);
    // the learner fits in the span of the means when the config's subspace says so: its memory is that of r dims
    long t0 = System.nanoTime();
    Optional<MeanSpan> span = spec.subspace().span(data.train(), spec.learner().instance());
    double spanSeconds = seconds(t0);
    ResourceCheck.memory(spec, data.train().rows(), data.reference().rows(), target.dim(),
        span.map(MeanSpan::rank).orElse(target.dim()), grid.length, parallel.threads(), withSampling);
    return new Prepared(data, moments, grid, samplerTimes, span, spanSeconds);
  }

  private static Fit fit(ExperimentSpec spec, Prepared prepared, RandomStreams streams, Parallel parallel,
      Consumer<String> log, Progress progress) {
    Target target = spec.target().instance();
    Target.TargetData data = prepared.data();
    double[] grid = prepared.grid();
    log.accept("fitting " + spec.learner().name() + " on " + data.train().rows() + " rows, " + grid.length
        + " levels");
    long t0 = System.nanoTime();
    Optional<MeanSpan> span = prepared.span();
    Samples rows = span.map(s -> s.project(data.train())).orElse(data.train());
    Learner.FittedModel fitted = spec.learner().instance().fit(new Learner.Input(rows,
        spec.schedule().instance(), grid, streams.child("learner"), parallel, target.truth(),
        (done, total) -> progress.advanced("fit", done, total)));
    if (span.isPresent()) {
      fitted = Subspace.wrap(span.get(), fitted);
    }
    return new Fit(data, prepared.moments(), grid, fitted, seconds(t0) + prepared.spanSeconds());
  }

  public static Outcome run(ExperimentSpec spec, int threads, Consumer<String> log, Progress progress) {
    return run(spec, threads, log, progress, FloorCache.off());
  }

  /**
   * A whole run, taking its floors from {@code cache} where it holds them (unless the config's
   * {@code floor_cache} is false); provenance's {@code floor_cache} says which floors came from it.
   */
  public static Outcome run(ExperimentSpec spec, int threads, Consumer<String> log, Progress progress,
      FloorCache floorCache) {
    FloorCache cache = spec.floorCache() ? floorCache : FloorCache.off();
    Instant started = Instant.now();
    long runStart = System.nanoTime();
    RandomStreams streams = new RandomStreams(spec.seed());
    try (Parallel parallel = new Parallel(threads)) {
      Target target = spec.target().instance();
      Optional<StartingPoints> given = spec.init().map(f -> initialPoints(spec, f, target.dim()));
      Optional<TrueDistribution> truth = target.truth();
      Schedule schedule = spec.schedule().instance();
      Prepared prepared = prepare(spec, streams, parallel, true);
      Fit fit = fit(spec, prepared, streams, parallel, log, progress);
      Target.TargetData data = fit.data();
      DataMoments moments = fit.moments();
      double[] grid = fit.grid();
      ScoreModel model = fit.fitted().model();
      double[] samplerTimes = prepared.samplerTimes();

      StartingPoints start = given.orElse(Prior.at(schedule, samplerTimes[0], moments));
      Sampling sampling = new Sampling(spec, samplerTimes, start, streams.child("sampling"), parallel, progress);
      log.accept("sampling " + spec.generate() + " points with " + spec.sampler().name() + ", "
          + samplerTimes.length + " times");
      long t0 = System.nanoTime();
      SamplingRun.Result learned = sampling.run(model, "sample");
      double sampleSeconds = seconds(t0);

      MetricSuite suite = new MetricSuite(spec.metrics(), data.reference(), truth, schedule, grid,
          streams.child("metrics"), parallel, Optional.of(moments));
      log.accept("evaluating " + spec.metrics().size() + " metrics with " + spec.floorPairs() + " floor pairs");
      String dataSha256 = Provenance.sha256(data.train(), data.reference());
      t0 = System.nanoTime();
      FloorKey floorKey = FloorKey.of(spec, dataSha256, spec.generate(), data.reference().rows(), grid);
      Map<String, MetricSuite.Floor> floors = suite.floors(target, data, spec.generate(), spec.floorPairs(), cache,
          floorKey);
      double floorSeconds = seconds(t0);
      t0 = System.nanoTime();
      Map<String, Double> perMetric = new LinkedHashMap<>();
      Map<String, MetricSuite.Outcome> metrics = suite.evaluate(learned.samples(), Optional.of(model), perMetric);
      double metricSeconds = seconds(t0);

      ObjectNode provenance = Provenance.of(spec, threads, started, dataSha256);
      provenance.set("floor_cache", RunReport.cacheBlock(cache, floors));
      RunReport report = new RunReport(provenance).data(target.dim(), data, learned.samples().rows())
          .learner(spec.learner().name(), fit.fitted(), fit.fitSeconds())
          .sampling(sampling.block(learned, sampleSeconds), ReportMetrics.toJson(metrics, floors))
          .timing(fit.fitSeconds(), sampleSeconds, floorSeconds, metricSeconds, perMetric);
      if (spec.oracle()) {
        // given starting points are not in the key: such a run's oracle is always computed
        String oracleKey = spec.init().isPresent() || !cache.enabled() ? null
            : floorKey.oracle(spec.sampler(), samplerTimes, spec.metrics());
        ScoreModel exact = truth.orElseThrow().exactScore();
        boolean hit = oracleKey == null ? oracle(sampling, exact, suite, floors, report, log)
            : cache.exclusive(oracleKey, () -> cachedOracle(sampling, exact, suite, floors, report, log, cache,
                oracleKey));
        provenance.with("floor_cache").put("oracle", hit ? "from_cache" : "computed");
      }
      return new Outcome(report.finish(seconds(runStart)), learned.samples(), model, data.reference(), truth,
          moments);
    }
  }

  /**
   * The run's sampler from its starting points, with its noise streams: the learned score and the oracle's
   * exact one go through the same, so that the two runs differ by the score alone.
   */
  private record Sampling(ExperimentSpec spec, double[] times, StartingPoints start, RandomStreams streams,
      Parallel parallel, Progress progress) {

    SamplingRun.Result run(ScoreModel score, String stage) {
      return SamplingRun.run(spec.sampler().instance(), score, spec.schedule().instance(), times, start,
          spec.generate(), streams, parallel, SamplingRun.CHUNK,
          (done, total) -> progress.advanced(stage, done, total));
    }

    ObjectNode block(SamplingRun.Result r, double seconds) {
      return RunReport.samplerBlock(spec.sampler().name(), r, seconds, times);
    }
  }

  /**
   * The oracle from {@code cache} when it holds this run's ({@link FloorKey#oracle}), else computed and kept
   * there; true on a hit. A hit reports the row as it was computed, its seconds in the timing block as 0.
   */
  private static boolean cachedOracle(Sampling sampling, ScoreModel exact, MetricSuite suite,
      Map<String, MetricSuite.Floor> floors, RunReport report, Consumer<String> log, FloorCache cache, String key) {
    Optional<ObjectNode> hit = cache.getOracle(key);
    if (hit.isPresent()) {
      log.accept("the oracle's row (the exact score's sampling and metrics) from the floor cache");
      report.oracle((ObjectNode) hit.get().get("sampler"), (ObjectNode) hit.get().get("metrics"), Map.of(), 0, 0);
      return true;
    }
    oracle(sampling, exact, suite, floors, report, log);
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.set("sampler", report.oracleSampler().deepCopy());
    row.set("metrics", report.oracleMetrics().deepCopy());
    cache.putOracle(key, row);
    return false;
  }

  /** The oracle: the same sampling with the exact score, evaluated against the learned run's floors. */
  private static boolean oracle(Sampling sampling, ScoreModel exact, MetricSuite suite,
      Map<String, MetricSuite.Floor> floors, RunReport report, Consumer<String> log) {
    log.accept("sampling again with the exact score (oracle), paired");
    long t0 = System.nanoTime();
    SamplingRun.Result oracle = sampling.run(exact, "oracle");
    double oracleSeconds = seconds(t0);
    t0 = System.nanoTime();
    Map<String, Double> perMetric = new LinkedHashMap<>();
    ObjectNode metrics = ReportMetrics.toJson(suite.evaluate(oracle.samples(), Optional.of(exact), perMetric),
        floors);
    report.oracle(sampling.block(oracle, oracleSeconds), metrics, perMetric, oracleSeconds, seconds(t0));
    return false;
  }

  /** Reads {@code "init"}: a .npy of shape (generate, dim), checked before anything is computed. */
  private static StartingPoints initialPoints(ExperimentSpec spec, String file, int dim) {
    Samples points = NpyReader.read(Path.of(file));
    if (points.rows() != spec.generate() || points.dim() != dim) {
      throw new BadInputException(spec.source() + ": init: " + file + " has shape (" + points.rows() + ", "
          + points.dim() + "); valid: (" + spec.generate() + ", " + dim + "), that is (generate, dim)");
    }
    return StartingPoints.given(points);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}

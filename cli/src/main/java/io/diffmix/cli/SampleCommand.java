package io.diffmix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Component;
import io.diffmix.core.config.Overrides;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.GridCheck;
import io.diffmix.core.experiment.ResourceCheck;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.experiment.StartingPoints;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.Npy;
import io.diffmix.core.io.NpyReader;
import io.diffmix.core.io.OutputLock;
import io.diffmix.core.model.SavedModels;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diffmix sample}: draw points from a saved model, with any sampler. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Draws points from a saved model (.dmx) and writes them as .npy.",
      "The schedule, grid and sampler are the fitted config's unless --sampler or --set changes them."})
public final class SampleCommand implements Callable<Integer> {
  /** The keys of the saved config that sampling may change: what the fitted model does not depend on. */
  static final List<String> SETTABLE = List.of("sampler", "grid", "schedule", "generate", "seed");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.dmx", description = "The saved model.")
  Path model;

  @Option(names = "--sampler", paramLabel = "NAME", description = "Another sampler, by name.")
  String sampler;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key of the saved config, such as sampler.grid.steps=50 or grid.kappa=0.02.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--count", paramLabel = "N", description = "Points to draw (default: the config's generate).")
  Integer count;

  @Option(names = "--seed", description = "Seed of the starting points and noise (default: the config's).")
  Long seed;

  @Option(names = "--init", paramLabel = "NOISE.npy", description = "Starting points at the top time.")
  Path init;

  @Option(names = "--out", required = true, paramLabel = "S.npy", description = "Where to write the points.")
  Path out;

  @Mixin ThreadsOption threads;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    int n = threads.count();
    Registry registry = common.registry(spec.commandLine().getErr(), null);
    SavedModels.Loaded loaded = SavedModels.load(model, registry);
    JsonNode saved = loaded.provenance().path("config");
    if (!saved.isObject()) {
      throw new BadInputException(model + ": provenance has no config");
    }
    ObjectNode config = saved.deepCopy();
    if (sampler != null) {
      Overrides.set(config, "sampler.type", JsonNodeFactory.instance.textNode(sampler));
    }
    for (String set : sets) {
      String key = set.indexOf('=') > 0 ? set.substring(0, set.indexOf('=')) : set;
      String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!SETTABLE.contains(top)) {
        throw new BadInputException("--set " + key + ": a saved model's " + top + " cannot change without "
            + "refitting; valid: " + String.join(", ", SETTABLE) + " and their keys (use diffmix fit for the rest)");
      }
    }
    Overrides.apply(config, sets);
    String source = model + " config";
    Schedule schedule = ExperimentSpec.<io.diffmix.core.spi.ScheduleFactory<?>, Schedule>component(
        config.get("schedule"), Family.SCHEDULE, "schedule", "ve", source, registry, Set.of()).instance();
    JsonNode samplerNode = config.get("sampler");
    Component<Sampler> s = ExperimentSpec.component(samplerNode, Family.SAMPLER, "sampler", "paper-ve", source,
        registry, Set.of("grid"));
    JsonNode gridNode = samplerNode != null && samplerNode.isObject() && samplerNode.has("grid")
        && !samplerNode.get("grid").isNull() ? samplerNode.get("grid") : config.get("grid");
    Component<TimeGrid> grid = ExperimentSpec.component(gridNode, Family.GRID, "grid", "paper", source, registry,
        Set.of());
    double[] times = GridCheck.times(grid.instance(), schedule, loaded.moments(), source + ": grid");
    int rows = count != null ? count : config.path("generate").asInt(10_000);
    if (rows < ExperimentSpec.MIN_GENERATE || rows > ExperimentSpec.MAX_ROWS) {
      throw new BadInputException("--count " + rows + ": out of range; valid: " + ExperimentSpec.MIN_GENERATE
          + " to " + ExperimentSpec.MAX_ROWS + ", as the config's generate");
    }
    ResourceCheck.samples(count != null ? "--count" : source + ": generate", rows, loaded.model().dim());
    StartingPoints start;
    if (init != null) {
      Samples points = NpyReader.read(init);
      if (points.rows() != rows || points.dim() != loaded.model().dim()) {
        throw new BadInputException("--init: " + init + " has shape (" + points.rows() + ", " + points.dim()
            + "); valid: (" + rows + ", " + loaded.model().dim() + "), that is (count, dim)");
      }
      start = StartingPoints.given(points);
    } else {
      start = Prior.at(schedule, times[0], loaded.moments());
    }
    long sd = seed != null ? seed : config.path("seed").asLong(0);
    try (OutputLock lock = OutputClaim.of("--out", out, OutputClaim.Kind.FILE)) {
      sampleAndWrite(s, loaded, schedule, times, start, rows, sd, n);
    }
    return 0;
  }

  private void sampleAndWrite(Component<Sampler> s, SavedModels.Loaded loaded, Schedule schedule, double[] times,
      StartingPoints start, int rows, long sd, int n) throws java.io.IOException {
    SamplingRun.Result result;
    long t0 = System.nanoTime();
    try (Parallel par = new Parallel(n); StagedProgress progress = new StagedProgress(spec.commandLine().getErr(),
        common.quiet)) {
      // the same streams as run's sampling, so sampling a saved model with the run's seed repeats the run
      result = SamplingRun.run(s.instance(), loaded.model(), schedule, times, start, rows,
          new RandomStreams(sd).child("sampling"), par, SamplingRun.CHUNK,
          (done, total) -> progress.advanced("sample", done, total));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    AtomicOutput.writeFile(out, os -> Npy.write(result.samples(), os));
    spec.commandLine().getOut().printf(java.util.Locale.ROOT,
        "sampled %d points with %s (%d score evaluations each) in %.3f s; wrote %s%n", rows, s.name(), result.nfe(),
        seconds, out);
    spec.commandLine().getOut().flush();
  }
}

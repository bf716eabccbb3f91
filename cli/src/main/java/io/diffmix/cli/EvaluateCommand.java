package io.diffmix.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.config.Overrides;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.Evaluation;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.ReportText;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.NpyReader;
import io.diffmix.core.io.OutputLock;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Schedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diffmix evaluate}: every metric of a config (or of a list) for a sample file. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Computes metrics for a sample file and prints them beside their floors.",
      "With --config, the reference sample and floors are drawn as `run` draws them, so a run's samples.npy "
          + "evaluates to the numbers in its report. With --reference, only metrics that need no truth run, "
          + "and the floors come from disjoint halves of the reference rows."})
public final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--samples", required = true, paramLabel = "S.npy", description = "The points to judge.")
  Path samples;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Against against;

  static final class Against {
    @Option(names = "--config", paramLabel = "C.json", description = "A run config: its target, seed and metrics.")
    Path config;

    @Option(names = "--reference", paramLabel = "R.npy", description = "A reference sample file.")
    Path reference;
  }

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a key of the --config.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--metrics", split = ",", paramLabel = "NAME",
      description = "With --reference: the metrics (default: mmd,sliced-wasserstein,energy,c2st).")
  List<String> metrics = new ArrayList<>(List.of("mmd", "sliced-wasserstein", "energy", "c2st"));

  @Option(names = "--seed", description = "With --reference: the seed of the metrics and floors (default 0).")
  long seed;

  @Option(names = "--floor-pairs", paramLabel = "N", description = "With --reference: floor pairs (default 10).")
  int floorPairs = 10;

  @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the result as JSON.")
  Path out;

  @Mixin ThreadsOption threads;

  @Mixin CommonOptions common;

  @Mixin FloorCacheOption floorCache;

  @Override
  public Integer call() throws Exception {
    PrintWriter outw = spec.commandLine().getOut();
    int n = threads.count();
    if (floorPairs < 10) {
      throw new BadInputException("--floor-pairs " + floorPairs + ": valid: at least 10");
    }
    try (OutputLock lock = out == null ? null : OutputClaim.of("--out", out, OutputClaim.Kind.FILE)) {
      return evaluate(outw, n);
    }
  }

  private int evaluate(PrintWriter outw, int n) throws java.io.IOException {
    Samples generated = NpyReader.read(samples);
    if (generated.rows() < ExperimentSpec.MIN_GENERATE) {
      throw new BadInputException("--samples: " + samples + " has " + generated.rows() + " row; every sample "
          + "metric (mmd, energy, c2st, ...) needs at least " + ExperimentSpec.MIN_GENERATE + " rows");
    }
    ObjectNode result;
    if (against.config != null) {
      for (String option : new String[] {"--metrics", "--seed", "--floor-pairs"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new BadInputException(option + " applies to --reference; with --config, the config's keys say it "
              + "(--set metrics=[...], --set seed=N, --set floor_pairs=N)");
        }
      }
      JsonNode root = Json.read(against.config);
      if (!root.isObject()) {
        throw new BadInputException(against.config + ": expected a JSON object at the top level");
      }
      Overrides.apply((ObjectNode) root, sets);
      JsonNode pluginsKey = root.get("plugins");
      Registry registry = common.registry(spec.commandLine().getErr(),
          pluginsKey != null && pluginsKey.isTextual() ? Path.of(pluginsKey.asText()) : null);
      ExperimentSpec exp = ExperimentSpec.parse(root, against.config.toString(), registry);
      result = Evaluation.againstConfig(exp, generated, n, floorCache.cache(spec.commandLine().getErr()));
    } else {
      if (!sets.isEmpty()) {
        throw new BadInputException("--set applies to --config, not to --reference");
      }
      Registry registry = common.registry(spec.commandLine().getErr(), null);
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      metrics.forEach(list::add);
      Schedule ve = ExperimentSpec.<io.diffmix.core.spi.ScheduleFactory<?>, Schedule>component(
          JsonNodeFactory.instance.textNode("ve"), Family.SCHEDULE, "schedule", null, "evaluate", registry,
          java.util.Set.of()).instance();
      result = Evaluation.againstReference(ExperimentSpec.metrics(list, "--metrics", registry), generated,
          NpyReader.read(against.reference), seed, floorPairs, n, ve);
    }
    if (out != null) {
      AtomicOutput.writeFile(out, os -> os.write(Json.MAPPER.writeValueAsBytes(result)));
    }
    outw.print(ReportText.summary(result));
    outw.flush();
    return 0;
  }
}

package io.diffmix.cli;

import io.diffmix.core.experiment.ExperimentRunner;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.ReportText;
import io.diffmix.core.experiment.RunWriter;
import io.diffmix.core.io.OutputLock;
import io.diffmix.cli.plots.Plots;
import io.diffmix.core.registry.Registry;
import java.util.Map;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diffmix run}: train, sample and evaluate; write report.json, report.md and samples.npy. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Trains, samples and evaluates one experiment, then prints a summary table.",
      "Writes DIR/report.json, DIR/report.md and DIR/samples.npy, all or none."})
public class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "CONFIG.json", description = "The experiment config.")
  Path config;

  @Option(names = "--preset", paramLabel = "NAME", description = "Run a built-in config: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Presets.Names.class)
  String preset;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/<config name>).")
  Path out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a config key, such as learner.degree=4; VALUE is JSON when it parses as JSON. "
          + "Setting X.type replaces the whole component.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). "
      + "The results are the same bits for every N.")
  Integer threads;

  @Mixin CommonOptions common;

  @Mixin FloorCacheOption floorCache;

  @Override
  public Integer call() throws IOException {
    PrintWriter outw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigInput in = ConfigInput.of(config, preset, sets);
    int n = ThreadsOption.count(threads);
    Registry registry = common.registry(err, in.pluginsKey());
    ExperimentSpec exp = ExperimentSpec.parse(in.root(), in.source(), registry);
    Path dir = out != null ? out : Path.of("runs", preset != null ? preset : stem(config));

    ExperimentRunner.Outcome outcome;
    Map<String, byte[]> plots;
    try (OutputLock lock = OutputClaim.of("--out", dir, OutputClaim.Kind.FOLDER)) {
      try (StagedProgress progress = new StagedProgress(err, common.quiet)) {
        outcome = ExperimentRunner.run(exp, n, msg -> progress.message("diffmix: " + msg), progress,
            floorCache.cache(err));
      }
      plots = Plots.forRun(outcome.report(), outcome.samples(), outcome.reference(), outcome.truth(), err::println);
      RunWriter.write(outcome, exp.learner().name(), dir, plots);
    }
    outw.print(ReportText.summary(outcome.report()));
    outw.println("wrote " + dir.resolve("report.json") + ", report.md, samples.npy, " + String.join(", ", plots.keySet()));
    outw.flush();
    return 0;
  }

  private static String stem(Path p) {
    String f = p.getFileName().toString();
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }
}

package io.diffmix.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.experiment.ExperimentRunner;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.Provenance;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.OutputLock;
import io.diffmix.core.model.SavedModels;
import io.diffmix.core.registry.Registry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diffmix fit}: train a learner and save its model, to sample from later. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Draws the data of a config, fits its learner and saves the model (.dmx) with its provenance.")
public final class FitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "CONFIG.json", description = "The experiment config.")
  Path config;

  @Option(names = "--preset", paramLabel = "NAME", description = "A built-in config instead of CONFIG.json.")
  String preset;

  @Option(names = "--model", required = true, paramLabel = "M.dmx", description = "Where to save the model.")
  Path model;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key.")
  List<String> sets = new ArrayList<>();

  @Mixin ThreadsOption threads;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    ConfigInput in = ConfigInput.of(config, preset, sets);
    int n = threads.count();
    Registry registry = common.registry(spec.commandLine().getErr(), in.pluginsKey());
    ExperimentSpec exp = ExperimentSpec.parse(in.root(), in.source(), registry);
    try (OutputLock lock = OutputClaim.of("--model", model, OutputClaim.Kind.FILE)) {
      return fitAndSave(in, exp, n);
    }
  }

  private int fitAndSave(ConfigInput in, ExperimentSpec exp, int n) throws java.io.IOException {
    Instant started = Instant.now();
    ExperimentRunner.Fit fit;
    try (StagedProgress progress = new StagedProgress(spec.commandLine().getErr(), common.quiet)) {
      fit = ExperimentRunner.fit(exp, n, msg -> progress.message("diffmix: " + msg), progress);
    }
    ObjectNode provenance = Provenance.of(exp, n, started, Provenance.sha256(fit.data().train(),
        fit.data().reference()));
    Optional<byte[]> bytes = SavedModels.bytes(exp.learner().name(), fit.fitted().model(), provenance,
        fit.moments());
    if (bytes.isEmpty()) {
      throw new BadInputException(in.source() + ": learner '" + exp.learner().name()
          + "' does not save its models; valid: a learner such as piecewise-polynomial");
    }
    AtomicOutput.writeFile(model, os -> os.write(bytes.get()));
    spec.commandLine().getOut().printf("fitted %s: %d levels, %d cells in %.2f s; wrote %s%n",
        exp.learner().name(), fit.fitted().count("levels"), fit.fitted().count("cells_total"), fit.fitSeconds(), model);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

package io.diffmix.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.cli.plots.ComparisonPlots;
import io.diffmix.core.compare.ComparisonEngine;
import io.diffmix.core.compare.ComparisonEngines;
import io.diffmix.core.compare.ComparisonFailures;
import io.diffmix.core.compare.ComparisonGrid;
import io.diffmix.core.compare.ComparisonJob;
import io.diffmix.core.compare.ComparisonRunner;
import io.diffmix.core.compare.ComparisonTable;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.OutputLock;
import io.diffmix.core.io.OutputManifest;
import io.diffmix.core.registry.Registry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diffmix compare}: a resumable grid of runs, with tables and plots. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every cell of a grid (a base config, axes of values for any keys, seeds) and writes",
      "DIR/results.jsonl (one row per cell and seed), DIR/table.csv, DIR/table.md and one PNG per metric and axis.",
      "Resumable: rerun the same command after a kill and it runs only what is missing.",
      "--engine spark runs each cell and seed as one Spark task (the spark module; ./diffmix loads it when asked)."})
public final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "GRID.json", description = "The grid: {\"base\": {...}, \"axes\": {...}, \"seeds\": N}.")
  Path gridFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads per run (default: one per run, "
      + "with as many runs at once as cores; with N, cores / N runs at once).")
  Integer threads;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
      description = "Where the cells run: local (default, this JVM) or spark.")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for --engine spark, e.g. local[2] (default: spark.master if set, else local[*]).")
  String master;

  @Mixin CommonOptions common;

  @Mixin FloorCacheOption floorCache;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (threads != null && (threads < 1 || threads > 1024)) {
      throw new BadInputException("--threads " + threads + ": valid: 1 to 1024");
    }
    ComparisonEngine eng = ComparisonEngines.forName(engine);
    Map<String, String> options = new HashMap<>();
    if (master != null) {
      if (!eng.name().equals("spark")) {
        throw new BadInputException("--master " + master + ": only for --engine spark");
      }
      options.put("master", master);
    }
    ComparisonGrid grid = ComparisonGrid.parse(Json.read(gridFile), gridFile.toString());
    if (floorCache.noCache) {
      // carried by every cell's config, so that spark's executors skip their cache too; the rows' identity
      // (config_sha256) leaves floor_cache out
      grid.base().put("floor_cache", false);
    }
    var pluginsKey = grid.base().get("plugins");
    Path extra = pluginsKey != null && pluginsKey.isTextual() ? Path.of(pluginsKey.asText()) : null;
    // the lock before the registry: a second writer of the folder is told at once
    try (OutputLock lock = OutputClaim.of("--out", out, OutputClaim.Kind.FOLDER)) {
      Registry registry = common.registry(err, extra);
      AtomicOutput.removeLeftoversIn(out);
      return runGrid(grid, registry, eng, options, extra);
    }
  }

  private int runGrid(ComparisonGrid grid, Registry registry, ComparisonEngine eng, Map<String, String> options,
      Path extra) throws java.io.IOException {
    PrintWriter outw = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ObjectNode> rows;
    try (ProgressReporter progress = ProgressReporter.create("compare", err, common.quiet)) {
      ComparisonJob job = new ComparisonJob(grid, gridFile.toString(), registry, common.pluginDirs(extra), threads,
          options, msg -> {
            if (!common.quiet) {
              progress.message("diffmix: " + msg);
            }
          }, floorCache.cache(err));
      rows = ComparisonRunner.run(eng, job, out.resolve("results.jsonl"),
          (done, total, what) -> progress.step(done, total));
    }
    ComparisonTable table = new ComparisonTable(grid, rows);
    List<String> written = new ArrayList<>(List.of("results.jsonl", "table.csv", "table.md"));
    AtomicOutput.writeFile(out.resolve("table.csv"), os -> os.write(table.csv().getBytes(StandardCharsets.UTF_8)));
    AtomicOutput.writeFile(out.resolve("table.md"), os -> os.write(table.markdown().getBytes(StandardCharsets.UTF_8)));
    Map<String, byte[]> plots = ComparisonPlots.of(grid, table, err::println);
    for (Map.Entry<String, byte[]> e : plots.entrySet()) {
      AtomicOutput.writeFile(out.resolve(e.getKey()), os -> os.write(e.getValue()));
      written.add(e.getKey());
    }
    OutputManifest.replace(out, written);
    outw.print(table.markdown());
    outw.println("wrote " + out.resolve("table.csv") + ", table.md, results.jsonl and " + plots.size() + " plots");
    outw.flush();
    ComparisonFailures failures = ComparisonFailures.of(grid, rows);
    if (failures.expected() > 0 && !common.quiet) {
      err.println("diffmix: " + failures.expected() + " of " + rows.size() + " cells and seeds failed, as the grid's "
          + "expected_failures say");
    }
    if (failures.unexpected() > 0) {
      err.println("diffmix: " + failures.unexpected() + " of " + rows.size() + " cells and seeds failed; their "
          + "reasons are in " + out.resolve("results.jsonl") + " and table.csv");
      return Diffmix.EXIT_INTERNAL;
    }
    return 0;
  }
}

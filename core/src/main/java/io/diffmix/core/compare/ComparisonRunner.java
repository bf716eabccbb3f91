package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Component;
import io.diffmix.core.config.Json;
import io.diffmix.core.experiment.ExperimentRunner;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.FloorCache;
import io.diffmix.core.experiment.Provenance;
import io.diffmix.core.registry.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every cell and seed of a {@link ComparisonGrid} that {@code results.jsonl} does not hold yet, on a
 * {@link ComparisonEngine}. A failing cell is recorded with its one-line reason and the grid goes on.
 *
 * <p>What every engine shares lives here: which pairs are left (resume), running one pair ({@link #runOne}), and
 * appending rows to the log on the calling thread, at most one per (cell, seed).
 */
public final class ComparisonRunner {
  private ComparisonRunner() {}

  /** Told after each cell and seed: how many are done of how many. */
  @FunctionalInterface
  public interface Progress {
    void cellDone(int done, int total, String what);
  }

  /**
   * Runs what is left of the grid on the local engine and returns every row, old and new.
   *
   * @param source names GRID.json in messages
   */
  public static List<ObjectNode> run(ComparisonGrid grid, String source, Registry registry, Path results,
      int threads, Consumer<String> log, Progress progress) throws IOException {
    return run(new LocalComparisonEngine(),
        new ComparisonJob(grid, source, registry, List.of(), threads, Map.of(), log, FloorCache.off()), results,
        progress);
  }

  /**
   * Runs what is left of the job's grid on {@code engine} and returns every row of the grid, old and new.
   *
   * <p>First every cell and seed is validated as a run config: a cell that is bad input, and is not marked in
   * {@code expected_failures}, stops the grid before any cell runs. A stored row is reused only when its
   * {@code config_sha256} is that of the pair's resolved config now, versions included; a stale row is dropped
   * from the log and its pair runs again.
   */
  public static List<ObjectNode> run(ComparisonEngine engine, ComparisonJob job, Path results, Progress progress)
      throws IOException {
    ComparisonGrid grid = job.grid();
    Map<String, String> current = currentHashes(grid, job.source(), job.registry());
    int total = current.size();
    try (ResultsLog out = ResultsLog.open(results)) {
      Set<String> done = new HashSet<>();
      List<ObjectNode> keep = new ArrayList<>();
      int stale = 0;
      for (ObjectNode row : out.rows()) {
        String k = key(row.get("cell"), row.path("seed").asLong());
        String now = current.get(k);
        if (now == null) {
          keep.add(row); // a pair of another version of the grid: not in this table, kept for when it returns
        } else if (now.equals(row.path("config_sha256").asText()) && done.add(k)) {
          keep.add(row);
        } else {
          stale++;
        }
      }
      if (stale > 0) {
        out.replaceAll(keep);
        job.log().accept("recomputing " + stale + " stale row" + (stale == 1 ? "" : "s") + " of " + results
            + ": their config is no longer the grid's");
      }
      if (!done.isEmpty()) {
        job.log().accept("resuming: " + done.size() + " of " + total + " cells and seeds already in " + results);
      }
      List<ComparisonEngine.PendingRun> pending = pending(grid, done);
      int[] count = {done.size()};
      engine.run(job, pending, row -> {
        String k = key(row.get("cell"), row.get("seed").asLong());
        if (!done.add(k)) {
          job.log().accept("dropped a second row for cell " + row.get("cell") + " seed " + row.get("seed"));
          return;
        }
        out.append(row);
        progress.cellDone(++count[0], total,
            row.get("cell") + " seed " + row.get("seed") + ": " + row.get("status").asText());
      });
      List<ObjectNode> rows = new ArrayList<>();
      for (ObjectNode row : out.rows()) {
        if (current.containsKey(key(row.get("cell"), row.path("seed").asLong()))) {
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /**
   * The {@code config_sha256} of every pair of the grid, by {@link #key}, in grid order; throws bad input for the
   * first pair whose config is invalid, unless the grid expects its cell to fail.
   */
  static Map<String, String> currentHashes(ComparisonGrid grid, String source, Registry registry) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ComparisonGrid.Cell cell : grid.cells()) {
      for (long seed : grid.seeds()) {
        ObjectNode config = grid.config(cell, seed);
        String sha;
        try {
          ExperimentSpec spec = ExperimentSpec.parse(config, source + " cell " + cell.json(), registry);
          ExperimentRunner.check(spec, Runtime.getRuntime().availableProcessors());
          sha = configSha256(spec);
        } catch (BadInputException e) {
          if (!grid.expectedToFail(cell)) {
            throw new BadInputException(e.getMessage() + " (no cell has run; mark the cell in expected_failures "
                + "if it is meant to fail)", e);
          }
          sha = unparsedSha256(config);
        }
        out.put(key(cell.json(), seed), sha);
      }
    }
    return out;
  }

  /**
   * The identity of what a pair computes: its resolved config with every default (but {@code floor_cache}), the
   * diffmix version and the version of every plugin it uses. Jar paths are left out, so that a Spark executor computes the same hash.
   */
  public static String configSha256(ExperimentSpec spec) {
    ObjectNode id = Json.MAPPER.createObjectNode();
    ObjectNode config = spec.resolvedJson();
    config.remove("floor_cache"); // where the floors come from changes none of the row's numbers
    id.set("config", config);
    id.put("diffmix", Provenance.version());
    ObjectNode plugins = id.putObject("plugins");
    for (Component<?> c : spec.components()) {
      plugins.put(c.family() + ":" + c.name(), c.origin() == null ? "unknown" : c.origin().version());
    }
    return sha256(id);
  }

  /** The identity of a pair whose config does not parse: the config as given, and the diffmix version. */
  static String unparsedSha256(ObjectNode config) {
    ObjectNode id = Json.MAPPER.createObjectNode();
    id.set("config", config);
    id.put("diffmix", Provenance.version());
    return sha256(id);
  }

  /** The pairs of the grid whose key is not in {@code done}, in grid order. */
  public static List<ComparisonEngine.PendingRun> pending(ComparisonGrid grid, Set<String> done) {
    List<ComparisonEngine.PendingRun> out = new ArrayList<>();
    for (ComparisonGrid.Cell cell : grid.cells()) {
      for (long seed : grid.seeds()) {
        if (!done.contains(key(cell.json(), seed))) {
          out.add(new ComparisonEngine.PendingRun(cell, seed));
        }
      }
    }
    return out;
  }

  /**
   * One cell and seed, as a results row; never throws for a failure of the cell itself (bad input, or a numerical
   * failure), which becomes a {@code failed} row.
   *
   * @param config the run config of the pair, {@link ComparisonGrid#config}
   * @param cell the cell's axis values, {@link ComparisonGrid.Cell#json}
   */
  public static ObjectNode runOne(ObjectNode config, JsonNode cell, long seed, String source, Registry registry,
      int threads, FloorCache floorCache, Consumer<String> log) {
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.set("cell", cell);
    row.put("seed", seed);
    row.put("config_sha256", unparsedSha256(config));
    long t0 = System.nanoTime();
    try {
      ExperimentSpec spec = ExperimentSpec.parse(config, source + " cell " + cell, registry);
      row.put("config_sha256", configSha256(spec));
      ExperimentRunner.Outcome outcome = ExperimentRunner.run(spec, threads, msg -> {},
          ExperimentRunner.Progress.NONE, floorCache);
      JsonNode report = outcome.report();
      row.put("status", "ok");
      row.putNull("error");
      row.set("metrics", report.get("metrics"));
      ObjectNode oracle = row.putObject("oracle");
      if (report.has("oracle")) {
        oracle.set("metrics", report.at("/oracle/metrics"));
      }
      ObjectNode timing = row.putObject("timing");
      timing.put("fit_seconds", report.at("/learner/fit_seconds").asDouble());
      timing.put("sample_seconds", report.at("/sampler/sample_seconds").asDouble());
      timing.put("seconds", (System.nanoTime() - t0) / 1e9);
      timing.put("threads", threads);
    } catch (BadInputException | IllegalStateException | IllegalArgumentException | ArithmeticException e) {
      row.put("status", "failed");
      row.put("error", oneLine(e));
      row.putObject("timing").put("seconds", (System.nanoTime() - t0) / 1e9);
      log.accept("cell " + cell + " seed " + seed + " failed: " + oneLine(e));
    }
    return row;
  }

  /** The identity of a row: its cell and seed. */
  public static String key(JsonNode cell, long seed) {
    return cell.toString() + "#" + seed;
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ');
  }

  /** SHA-256 of a config's compact JSON. */
  public static String sha256(JsonNode config) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(config.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.diffmix.core.compare;

import io.diffmix.core.experiment.FloorCache;
import io.diffmix.core.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every engine needs to run a grid's pairs.
 *
 * @param source names GRID.json in messages
 * @param registry the driver's registry (the local engine runs with it)
 * @param pluginDirs the plugin folders the registry was loaded from, for engines that rebuild it elsewhere
 * @param threads threads per run, or {@code null} for the engine's default (local: all cores; spark: the
 *     task's cpus)
 * @param options engine options, such as {@code master} for spark
 * @param log one-line messages for the user
 * @param floorCache where the local engine's runs take their floors from (shared by all cells, so a grid computes
 *     each distinct floor once); other engines keep one per worker
 */
public record ComparisonJob(ComparisonGrid grid, String source, Registry registry, List<Path> pluginDirs,
    Integer threads, Map<String, String> options, Consumer<String> log, FloorCache floorCache) {
  public ComparisonJob {
    pluginDirs = List.copyOf(pluginDirs);
    options = Map.copyOf(options);
  }
}

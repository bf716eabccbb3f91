package io.diffmix.cli;

import io.diffmix.core.experiment.FloorCache;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --no-cache}: compute every floor instead of taking it from the floor cache. */
final class FloorCacheOption {
  @Option(names = "--no-cache", description = "Compute every floor again instead of taking it from the floor cache "
      + "(the folder is $DIFFMIX_CACHE/floors, else $XDG_CACHE_HOME/diffmix/floors, else ~/.cache/diffmix/floors; "
      + "the config key floor_cache: false does the same).")
  boolean noCache;

  /** The cache this command uses: off with --no-cache, else the default folder. */
  FloorCache cache(PrintWriter err) {
    return noCache ? FloorCache.off() : FloorCache.at(FloorCache.defaultFolder(),
        msg -> err.println("diffmix: warning: " + msg));
  }
}

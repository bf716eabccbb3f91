package io.diffmix.cli;

import io.diffmix.core.config.BadInputException;
import picocli.CommandLine.Option;

/** {@code --threads N}: the worker threads of a command that runs one experiment. */
final class ThreadsOption {
  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  /** N, or every core when it is not given. */
  int count() {
    return count(threads);
  }

  /** {@code threads}, or every core when null; bad input outside 1 to 1024. */
  static int count(Integer threads) {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 1024) {
      throw new BadInputException("--threads " + n + ": valid: 1 to 1024");
    }
    return n;
  }
}

package io.diffmix.cli;

import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.OutputLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What every writing command does before its work: take the output's {@link OutputLock} (a second writer stops at
 * once with exit 2), then remove what its own killed runs left beside the output.
 */
final class OutputClaim {
  private OutputClaim() {}

  /** Locks {@code output} and removes its leftovers; close the lock when the output is written. */
  static OutputLock of(Path output) {
    OutputLock lock = OutputLock.acquire(output);
    try {
      AtomicOutput.removeLeftovers(output);
      return lock;
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }
}

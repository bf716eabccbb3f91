package io.diffmix.cli;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.OutputLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every writing command does before its work: check that its output can be what it will write (a folder, or
 * a file), take the output's {@link OutputLock} (a second writer stops at once with exit 2), then remove what its
 * own killed runs left beside the output.
 */
final class OutputClaim {
  /** What the command writes at the output's path. */
  enum Kind {
    FOLDER("a folder"),
    FILE("a file");

    final String what;

    Kind(String what) {
      this.what = what;
    }
  }

  private OutputClaim() {}

  /**
   * Checks, locks and cleans {@code output}; close the lock when the output is written.
   *
   * @param option the option that named it, for messages ({@code --out}, {@code --model})
   */
  static OutputLock of(String option, Path output, Kind kind) {
    if (kind == Kind.FOLDER ? Files.exists(output) && !Files.isDirectory(output) : Files.isDirectory(output)) {
      throw new BadInputException(option + " " + output + ": is " + (kind == Kind.FOLDER ? "a file" : "a folder")
          + "; valid: " + kind.what + ", new or written by diffmix before");
    }
    OutputLock lock;
    try {
      lock = OutputLock.acquire(output);
    } catch (BadInputException e) {
      throw new BadInputException(option + " " + e.getMessage(), e);
    }
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

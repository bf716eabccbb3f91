package io.diffmix.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per output; a lock file left by a dead process blocks nobody. */
class OutputLockTest {
  @TempDir Path dir;

  @Test
  void aSecondWriterIsBadInputNamingTheHolder() {
    Path out = dir.resolve("run");
    try (OutputLock first = OutputLock.acquire(out)) {
      assertThatThrownBy(() -> OutputLock.acquire(out))
          .isInstanceOf(BadInputException.class)
          .hasMessage(out + ": another diffmix (process " + ProcessHandle.current().pid() + ") is writing it; "
              + "wait for it to finish, or choose another output");
      assertThat(out).doesNotExist();
    }
    assertThat(OutputLock.lockFile(out)).doesNotExist();
    try (OutputLock again = OutputLock.acquire(out)) {
      assertThat(OutputLock.lockFile(out)).exists();
    }
  }

  @Test
  void aLockFileWithoutALiveHolderIsTakenOver() throws IOException {
    Path out = dir.resolve("model.dmx");
    // what a killed writer leaves: the file, with its process id, but no lock (the OS dropped it)
    Files.writeString(OutputLock.lockFile(out), "999999 0123456789abcdef\n");
    try (OutputLock lock = OutputLock.acquire(out)) {
      assertThat(Files.readString(OutputLock.lockFile(out))).isEqualTo(ProcessHandle.current().pid() + "\n");
    }
    assertThat(OutputLock.lockFile(out)).doesNotExist();
  }

  @Test
  void anOutputUnderARegularFileIsBadInput() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> OutputLock.acquire(file.resolve("run")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file.resolve("run") + ": cannot create its folder " + file);
  }
}

package io.diffmix.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged outputs: a commit replaces what an earlier commit wrote, leftovers of killed writers go, modes follow the umask. */
class AtomicOutputTest {
  @TempDir Path dir;

  private static void commit(Path out, String... names) throws IOException {
    try (AtomicOutput o = new AtomicOutput(out)) {
      for (String n : names) {
        o.write(n, os -> os.write(n.getBytes(StandardCharsets.UTF_8)));
      }
      o.commit();
    }
  }

  @Test
  void aRecommitRemovesTheFilesOfTheLastCommitThatItDoesNotWriteAndKeepsTheUsers() throws IOException {
    Path out = dir.resolve("run");
    commit(out, "report.json", "score_error.png");
    Files.writeString(out.resolve("notes.txt"), "mine");
    commit(out, "report.json");
    assertThat(out.resolve("score_error.png")).doesNotExist();
    assertThat(out.resolve("report.json")).exists();
    assertThat(out.resolve("notes.txt")).hasContent("mine");
    assertThat(OutputManifest.read(out)).containsExactly("report.json");
  }

  @Test
  void aManifestNeverReachesOutsideItsFolder() throws IOException {
    Path out = dir.resolve("run");
    Files.createDirectories(out);
    Path outside = Files.writeString(dir.resolve("precious"), "keep");
    Files.writeString(out.resolve(OutputManifest.NAME), "../precious\n" + outside + "\n\n");
    commit(out, "report.json");
    assertThat(outside).hasContent("keep");
  }

  @Test
  void leftoversOfKilledWritersOfThisOutputAreRemovedAndNothingElse() throws IOException {
    Path out = dir.resolve("run");
    Path stage = Files.createDirectories(dir.resolve(".run" + AtomicOutput.PARTIAL + "0123456789abcdef"));
    Files.writeString(stage.resolve("samples.npy"), "half");
    Path file = Files.writeString(dir.resolve(".run" + AtomicOutput.PARTIAL + "fedcba9876543210"), "half");
    Path other = Files.writeString(dir.resolve(".runs" + AtomicOutput.PARTIAL + "0123456789abcdef"), "not ours");
    Path user = Files.writeString(dir.resolve(".run.partial-mine"), "user's");
    assertThat(AtomicOutput.removeLeftovers(out)).isEqualTo(2);
    assertThat(stage).doesNotExist();
    assertThat(file).doesNotExist();
    assertThat(other).exists();
    assertThat(user).exists();
  }

  @Test
  void singleFilesFollowTheUmaskLikeTheRunFolderFiles() throws IOException {
    Path single = dir.resolve("s.npy");
    AtomicOutput.writeFile(single, os -> os.write(1));
    Path plain = dir.resolve("plain");
    Files.newOutputStream(plain).close(); // as any program creates a file: 0666 less the umask
    commit(dir.resolve("run"), "report.json");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertThat(Files.getPosixFilePermissions(single)).isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(dir.resolve("run/report.json"))).isEqualTo(expected);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("s.npy", "plain", "run");
    }
  }
}

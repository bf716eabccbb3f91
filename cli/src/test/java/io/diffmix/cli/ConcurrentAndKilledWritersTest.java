package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.io.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: two writers of one output never mix, and SIGKILL followed by a rerun leaves no hidden file.
 */
class ConcurrentAndKilledWritersTest {
  @TempDir Path dir;

  /** A grid of 6 pairs whose cells each fit the paper's learner for about a second, so that a second writer meets it. */
  private Path grid() throws IOException {
    return Files.writeString(dir.resolve("grid.json"), "{\"base\": "
        + Cli.smallConfig().replace("\"train\": 3000", "\"train\": 20000")
            .replace("\"learner\": \"exact\"", "\"learner\": {\"type\": \"piecewise-polynomial\", \"degree\": 2}")
        + ", \"axes\": {\"grid.kappa\": [0.1, 0.15, 0.2]}, \"seeds\": 2}");
  }

  /** Hidden names in {@code folder} and in its parent's entries that start with {@code .NAME}. */
  private static List<String> hidden(Path folder) throws IOException {
    try (Stream<Path> beside = Files.list(folder.getParent()); Stream<Path> inside = Files.isDirectory(folder)
        ? Files.list(folder) : Stream.empty()) {
      Predicate<String> ours = n -> n.startsWith("." + folder.getFileName() + ".");
      return Stream.concat(beside.map(p -> p.getFileName().toString()).filter(ours),
          inside.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".diffmix-outputs")))
          .toList();
    }
  }

  private static void waitFor(Predicate<Void> condition, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!condition.test(null) && System.nanoTime() < end) {
      Thread.sleep(1);
    }
  }

  @Test
  void aSecondCompareOnTheSameFolderStopsAtOnceAndTheFirstWritesEveryRowOnce() throws Exception {
    Path g = grid();
    Path out = dir.resolve("out");
    Process first = CliProcess.start(dir.resolve("first"), "compare", g.toString(), "--out", out.toString(),
        "--quiet");
    waitFor(v -> Files.exists(OutputLock.lockFile(out)), 30_000);
    assertThat(OutputLock.lockFile(out)).exists();
    long t0 = System.nanoTime();
    Process second = CliProcess.start(dir.resolve("second"), "compare", g.toString(), "--out", out.toString(),
        "--quiet");
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(second.exitValue()).isEqualTo(2);
    List<String> err = Files.readAllLines(dir.resolve("second.err")).stream()
        .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
    assertThat(err).containsExactly("diffmix: --out " + out + ": another diffmix (process " + first.pid()
        + ") is writing it; wait for it to finish, or choose another output");
    // from the second process's start, its JVM's start-up included: the lock comes before the registry and cells
    assertThat(seconds).as("seconds to refuse").isLessThan(2.0);
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.err"))).isZero();
    List<String> rows = Files.readAllLines(out.resolve("results.jsonl"));
    assertThat(rows).hasSize(6);
    assertThat(rows.stream().map(l -> {
      JsonNode n = Json.parse(l, "row");
      return n.get("cell").toString() + n.get("seed");
    }).distinct()).hasSize(6);
    assertThat(hidden(out)).isEmpty();
  }

  @Test
  void aKilledCompareLeavesNothingHiddenAfterItsRerun() throws Exception {
    Path g = grid();
    Path out = dir.resolve("cmp");
    Process p = CliProcess.start(dir.resolve("cmp-killed"), "compare", g.toString(), "--out", out.toString(),
        "--quiet");
    waitFor(v -> lines(out.resolve("results.jsonl")) >= 2, 60_000);
    p.destroyForcibly().waitFor(); // SIGKILL
    assertThat(lines(out.resolve("results.jsonl"))).isBetween(2L, 5L);
    assertThat(hidden(out)).isNotEmpty(); // at least the dead writer's lock file
    Cli rerun = Cli.run("compare", g.toString(), "--out", out.toString(), "--quiet");
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(6);
    assertThat(hidden(out)).isEmpty();
  }

  @Test
  void aRunKilledWhileWritingLeavesNothingHiddenAfterItsRerun() throws Exception {
    Path config = Files.writeString(dir.resolve("big.json"), Cli.smallConfig()
        .replace("\"generate\": 700", "\"generate\": 1500000").replace("\"metrics\": [\"mmd\", \"mixture-recovery\"]",
            "\"metrics\": [\"mixture-recovery\"], \"oracle\": false"));
    Path out = dir.resolve("run");
    killWhileStaged(out, "run", config.toString(), "--out", out.toString(), "--quiet");
    Cli rerun = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--set", "generate=700");
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(hidden(out)).isEmpty();
  }

  @Test
  void aSampleKilledWhileWritingLeavesNothingHiddenAfterItsRerun() throws Exception {
    Path config = Files.writeString(dir.resolve("small.json"), Cli.smallConfig());
    Path model = dir.resolve("m.dmx");
    Cli fit = Cli.run("fit", config.toString(), "--set", "learner={\"type\": \"piecewise-polynomial\", "
        + "\"degree\": 1}", "--model", model.toString(), "--quiet");
    assertThat(fit.exit()).as(fit.err()).isZero();
    Path out = dir.resolve("s.npy");
    killWhileStaged(out, "sample", "--model", model.toString(), "--count", "1500000", "--out", out.toString(),
        "--quiet");
    Cli rerun = Cli.run("sample", "--model", model.toString(), "--count", "100", "--out", out.toString(),
        "--quiet");
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(hidden(out)).isEmpty();
  }

  /** Starts the command and kills it with SIGKILL as soon as its partial output appears beside {@code out}. */
  private void killWhileStaged(Path out, String... args) throws Exception {
    Process p = CliProcess.start(dir.resolve(out.getFileName() + "-killed"), args);
    Predicate<String> partial = n -> n.startsWith("." + out.getFileName() + ".diffmix-partial-");
    boolean seen = false;
    while (p.isAlive() && !seen) {
      try (Stream<Path> s = Files.list(out.getParent())) {
        seen = s.anyMatch(f -> partial.test(f.getFileName().toString()));
      }
    }
    p.destroyForcibly().waitFor();
    assertThat(seen).as("the partial output of " + String.join(" ", args) + " was seen before the kill; "
        + Files.readString(dir.resolve(out.getFileName() + "-killed.err"))).isTrue();
    assertThat(out).as("nothing half-written is visible").doesNotExist();
    assertThat(hidden(out)).anyMatch(partial);
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}

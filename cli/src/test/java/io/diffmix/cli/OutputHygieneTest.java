package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns leave no stale file, counts are range-checked, and single-file outputs follow the umask. */
class OutputHygieneTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path config;
  static Path model;

  @BeforeAll
  static void fitASmallModel() throws IOException {
    config = Files.writeString(shared.resolve("small.json"), Cli.smallConfig()
        .replace("\"learner\": \"exact\"", "\"learner\": {\"type\": \"piecewise-polynomial\", \"degree\": 1}"));
    model = shared.resolve("m.dmx");
    Cli fit = Cli.run("fit", config.toString(), "--model", model.toString(), "--quiet");
    assertThat(fit.exit()).as(fit.err()).isZero();
  }

  @Test
  void aSecondRunIntoTheSameFolderRemovesWhatTheFirstWroteAndThisOneDoesNot() throws IOException {
    Path out = dir.resolve("run");
    Cli first = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet",
        "--set", "metrics=[\"mmd\", \"score-error\"]", "--set", "oracle=false");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(out.resolve("score_error.png")).exists();
    Files.writeString(out.resolve("notes.txt"), "the user's own");
    Cli second = Cli.run("run", config.toString(), "--out", out.toString(), "--quiet",
        "--set", "learner.type=exact", "--set", "oracle=false");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(Files.readString(out.resolve("report.json"))).doesNotContain("score_error");
    assertThat(out.resolve("score_error.png")).doesNotExist();
    assertThat(out.resolve("model.dmx")).doesNotExist(); // exact has no model to save
    assertThat(out.resolve("notes.txt")).hasContent("the user's own");
  }

  @Test
  void sampleCountHasTheRangeOfGenerate() {
    for (String count : new String[] {"2147483647", "100000001", "1", "0", "-5"}) {
      Path out = dir.resolve("s" + count + ".npy");
      Cli r = Cli.run("sample", "--model", model.toString(), "--count", count, "--out", out.toString());
      assertThat(r.exit()).as(count + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().trim()).isEqualTo("diffmix: --count " + count + ": out of range; valid: 2 to 100000000, "
          + "as the config's generate");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void evaluateOfAOneRowFileSaysWhatTheMetricsNeed() throws IOException {
    Path one = dir.resolve("one.npy");
    io.diffmix.core.io.AtomicOutput.writeFile(one, os -> io.diffmix.core.io.Npy.write(
        io.diffmix.core.data.Samples.zeros(1, 2), os));
    Cli r = Cli.run("evaluate", "--samples", one.toString(), "--reference", one.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: --samples: " + one + " has 1 row; every sample metric "
        + "(mmd, energy, c2st, ...) needs at least 2 rows");
    Cli c = Cli.run("evaluate", "--samples", one.toString(), "--config", config.toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err().lines()).hasSize(1);
  }

  @Test
  void singleFileOutputsFollowTheUmask() throws IOException {
    Path plain = dir.resolve("plain");
    Files.newOutputStream(plain).close(); // 0666 less the umask, as any program's file
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    Path samples = dir.resolve("s.npy");
    assertThat(Cli.run("sample", "--model", model.toString(), "--count", "50", "--out", samples.toString(),
        "--quiet").exit()).isZero();
    Path dmx = dir.resolve("m.dmx");
    assertThat(Cli.run("fit", config.toString(), "--model", dmx.toString(), "--quiet",
        "--set", "train=800").exit()).isZero();
    Path eval = dir.resolve("e.json");
    assertThat(Cli.run("evaluate", "--samples", samples.toString(), "--reference", samples.toString(),
        "--metrics", "mmd", "--out", eval.toString()).exit()).isZero();
    for (Path p : new Path[] {samples, dmx, eval}) {
      assertThat(Files.getPosixFilePermissions(p)).as(p.toString()).isEqualTo(expected);
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList()).isEmpty();
    }
  }
}

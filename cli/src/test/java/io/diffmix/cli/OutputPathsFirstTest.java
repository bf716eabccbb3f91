package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output that cannot be written is bad input found before the work, and a saved model's sampling may change only
 * what needs no refit.
 */
class OutputPathsFirstTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path config;
  static Path model;

  @BeforeAll
  static void fitASmallModel() throws IOException {
    config = Files.writeString(shared.resolve("small.json"), Cli.smallConfig()
        .replace("\"learner\": \"exact\"", "\"learner\": {\"type\": \"piecewise-polynomial\", \"degree\": 1}"));
    model = shared.resolve("m.dmx");
    assertThat(Cli.run("fit", config.toString(), "--model", model.toString(), "--quiet").exit()).isZero();
  }

  private void assertBadBeforeWork(Cli r, String message) throws IOException {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: " + message);
    assertThat(r.out()).isEmpty(); // nothing was fitted or sampled: those print their summary
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList()).isEmpty();
    }
  }

  @Test
  void runIntoAnExistingFile() throws IOException {
    Path file = Files.writeString(dir.resolve("report"), "mine");
    assertBadBeforeWork(Cli.run("run", config.toString(), "--out", file.toString()),
        "--out " + file + ": is a file; valid: a folder, new or written by diffmix before");
    assertThat(file).hasContent("mine");
  }

  @Test
  void runUnderARegularFile() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "mine");
    Cli r = Cli.run("run", config.toString(), "--out", file.resolve("run").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("diffmix: --out " + file.resolve("run") + ": cannot create its folder " + file);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void fitIntoAFolderAndSampleIntoAFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    assertBadBeforeWork(Cli.run("fit", config.toString(), "--model", folder.toString()),
        "--model " + folder + ": is a folder; valid: a file, new or written by diffmix before");
    assertBadBeforeWork(Cli.run("sample", "--model", model.toString(), "--out", folder.toString()),
        "--out " + folder + ": is a folder; valid: a file, new or written by diffmix before");
    assertBadBeforeWork(Cli.run("evaluate", "--samples", model.toString(), "--reference", model.toString(),
        "--out", folder.toString()),
        "--out " + folder + ": is a folder; valid: a file, new or written by diffmix before");
  }

  @Test
  void sampleMayNotChangeTheTargetTheLearnerOrTheData() throws IOException {
    for (String set : new String[] {"target.type=circle", "learner.type=exact", "learner.degree=3", "train=10",
        "metrics=[\"mmd\"]"}) {
      Path out = dir.resolve("s.npy");
      String key = set.substring(0, set.indexOf('='));
      String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      assertBadBeforeWork(Cli.run("sample", "--model", model.toString(), "--set", set, "--out", out.toString()),
          "--set " + key + ": a saved model's " + top + " cannot change without refitting; valid: sampler, grid, "
              + "schedule, generate, seed and their keys (use diffmix fit for the rest)");
      assertThat(out).doesNotExist();
    }
    Path ok = dir.resolve("ok.npy");
    Cli r = Cli.run("sample", "--model", model.toString(), "--set", "sampler.type=pf-heun", "--set",
        "generate=40", "--set", "seed=5", "--out", ok.toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(ok).exists();
  }
}

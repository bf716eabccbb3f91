package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.dmx: saved by run and fit, sampled later with any sampler, refused when damaged. */
class ModelFileTest {
  @TempDir Path dir;

  private Path config() throws IOException {
    Path file = dir.resolve("pp.json");
    Files.writeString(file, Cli.smallConfig().replace("\"learner\": \"exact\"",
        "\"learner\": {\"type\": \"piecewise-polynomial\", \"degree\": 2}"));
    return file;
  }

  @Test
  void aSavedModelSampledWithTheRunsSeedRepeatsTheRunBitForBit() throws Exception {
    Path config = config();
    Path run = dir.resolve("run");
    Cli r = Cli.run("run", config.toString(), "--out", run.toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(run.resolve("model.dmx")).exists();
    Path again = dir.resolve("again.npy");
    Cli s = Cli.run("sample", "--model", run.resolve("model.dmx").toString(), "--out", again.toString(), "--quiet",
        "--threads", "1");
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(RunTest.sha256(again)).isEqualTo(RunTest.sha256(run.resolve("samples.npy")));

    Path heun = dir.resolve("heun.npy");
    Cli h = Cli.run("sample", "--model", run.resolve("model.dmx").toString(), "--sampler", "pf-heun",
        "--count", "300", "--out", heun.toString(), "--quiet");
    assertThat(h.exit()).as(h.err()).isZero();
    assertThat(h.out()).contains("sampled 300 points with pf-heun");
  }

  @Test
  void fitSavesTheSameModelAsRun() throws Exception {
    Path config = config();
    Path run = dir.resolve("run");
    assertThat(Cli.run("run", config.toString(), "--out", run.toString(), "--quiet").exit()).isZero();
    Path fitted = dir.resolve("fitted.dmx");
    Cli f = Cli.run("fit", config.toString(), "--model", fitted.toString(), "--quiet");
    assertThat(f.exit()).as(f.err()).isZero();
    Path a = dir.resolve("a.npy");
    Path b = dir.resolve("b.npy");
    assertThat(Cli.run("sample", "--model", fitted.toString(), "--out", a.toString(), "--quiet").exit()).isZero();
    assertThat(Cli.run("sample", "--model", run.resolve("model.dmx").toString(), "--out", b.toString(),
        "--quiet").exit()).isZero();
    assertThat(RunTest.sha256(a)).isEqualTo(RunTest.sha256(b));
  }

  @Test
  void aDamagedModelFileIsRefusedWithExitTwo() throws Exception {
    Path config = config();
    Path fitted = dir.resolve("m.dmx");
    assertThat(Cli.run("fit", config.toString(), "--model", fitted.toString(), "--quiet").exit()).isZero();
    byte[] bytes = Files.readAllBytes(fitted);
    Path flipped = dir.resolve("flipped.dmx");
    byte[] f = bytes.clone();
    f[f.length / 2] ^= 1;
    Files.write(flipped, f);
    Path truncated = dir.resolve("truncated.dmx");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
    Path other = dir.resolve("other.dmx");
    Files.writeString(other, "not a model");
    for (Path bad : new Path[] {flipped, truncated, other}) {
      Cli r = Cli.run("sample", "--model", bad.toString(), "--out", dir.resolve("x.npy").toString());
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).contains(bad.toString());
      assertThat(dir.resolve("x.npy")).doesNotExist();
    }
    Cli exact = Cli.run("fit", config.toString(), "--model", dir.resolve("e.dmx").toString(),
        "--set", "learner.type=exact");
    assertThat(exact.exit()).isEqualTo(2);
    assertThat(exact.err()).contains("does not save its models");
  }
}

package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A practitioner's sample file, end to end: learned, sampled and judged against its held-out rows. */
class FileTargetRunTest {
  @TempDir Path dir;

  private Path samplesOfARandomMixture() throws IOException {
    Path config = dir.resolve("rm.json");
    Files.writeString(config, "{\"seed\": 3, \"target\": {\"type\": \"random-mixture\", \"k\": 3, \"dim\": 2},"
        + " \"train\": 500, \"reference\": 100, \"generate\": 3000, \"learner\": \"exact\","
        + " \"metrics\": [\"mmd\"], \"grid\": {\"type\": \"paper\", \"kappa\": 0.3}}");
    assertThat(Cli.run("run", config.toString(), "--out", dir.resolve("rm").toString(), "--quiet").exit()).isZero();
    return dir.resolve("rm/samples.npy");
  }

  private Cli runOnFile(Path file, Path out) {
    return Cli.run("run", dir.resolve("rm.json").toString(), "--out", out.toString(), "--quiet",
        "--set", "target.type=file", "--set", "target.path=" + file, "--set", "learner.type=piecewise-polynomial",
        "--set", "train=2000", "--set", "reference=800", "--set", "generate=800",
        "--set", "metrics=[\"mmd\",\"mixture-recovery\"]");
  }

  @Test
  void aNpyFileWrittenByARunIsLearnedAndJudgedAgainstItsHeldOutRows() throws IOException {
    Path file = samplesOfARandomMixture();
    Path out = dir.resolve("file");
    Cli r = runOnFile(file, out);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.read(out.resolve("report.json"));
    assertThat(report.at("/data/train").asInt()).isEqualTo(2000);
    assertThat(report.at("/data/reference").asInt()).isEqualTo(800);
    assertThat(report.at("/metrics/mixture_recovery/skipped").asText()).contains("closed-form truth");
    // floors: disjoint halves of the 800 held-out rows
    assertThat(report.at("/metrics/mmd/floor_sizes").toString()).isEqualTo("[400,400]");
    assertThat(report.has("oracle")).isFalse();
  }

  @Test
  void badFilesExitTwoNamingTheFile() throws IOException {
    Path good = samplesOfARandomMixture();
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = dir.resolve("truncated.npy");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));
    Path header = dir.resolve("header.npy");
    Files.write(header, Arrays.copyOf(bytes, 40));
    Path empty = dir.resolve("empty.npy");
    Files.write(empty, new byte[0]);
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "1,2\n3,4\n5\n");
    Path nan = dir.resolve("nan.csv");
    Files.writeString(nan, "1,2\n3,nan\n");
    for (Path bad : new Path[] {truncated, header, empty, ragged, nan}) {
      Cli r = runOnFile(bad, dir.resolve("out"));
      assertThat(r.exit()).as(bad + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).contains(bad.toString());
      assertThat(dir.resolve("out")).doesNotExist();
    }
  }
}

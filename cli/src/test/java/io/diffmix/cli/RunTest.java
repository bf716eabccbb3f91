package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `diffmix run` end to end, at a small size: the report's contract, numpy's format, reproducibility. */
class RunTest {
  @TempDir Path dir;

  private Cli run(Path config, Path out, String... extra) {
    String[] base = {"run", config.toString(), "--out", out.toString(), "--quiet"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  private Path config() throws IOException {
    Path file = dir.resolve("small.json");
    Files.writeString(file, Cli.smallConfig());
    return file;
  }

  @Test
  void reportHasEveryKeyOfTheContract() throws IOException {
    Path out = dir.resolve("out");
    Cli r = run(config(), out, "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("mmd").contains("mixture_recovery.weights_tv").contains("oracle");
    JsonNode report = Json.read(out.resolve("report.json"));
    for (String p : new String[] {"/diffmix_version", "/provenance/config", "/provenance/plugins",
        "/provenance/seed", "/provenance/rng", "/provenance/blas", "/provenance/java", "/provenance/os",
        "/provenance/threads", "/provenance/started", "/provenance/data_sha256", "/data/dim", "/data/train",
        "/data/reference", "/data/generated", "/learner/name", "/learner/levels", "/learner/cells_total",
        "/learner/fit_seconds", "/sampler/name", "/sampler/nfe", "/sampler/sample_seconds",
        "/metrics/mmd/value", "/metrics/mmd/floor", "/metrics/mmd/floor_sd",
        "/metrics/mixture_recovery/weights_tv", "/metrics/mixture_recovery/mean_error",
        "/oracle/sampler/nfe", "/oracle/metrics/mmd/value", "/oracle/metrics/mmd/floor"}) {
      assertThat(report.at(p).isMissingNode()).as(p).isFalse();
    }
    assertThat(report.at("/provenance/config/grid/t1").asDouble()).isEqualTo(1e-3);
    assertThat(report.at("/provenance/threads").asInt()).isEqualTo(2);
    assertThat(report.at("/data/generated").asInt()).isEqualTo(700);
    assertThat(report.at("/sampler/nfe").asInt()).isEqualTo(report.at("/oracle/sampler/nfe").asInt());
    // the oracle shares the learned run's floors
    assertThat(report.at("/oracle/metrics/mmd/floor")).isEqualTo(report.at("/metrics/mmd/floor"));
    assertThat(Files.readString(out.resolve("report.md"))).contains("| metric").contains("floor ± sd");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.json", "report.md", "samples.npy", "scatter.png", ".diffmix-outputs");
    }
    // the manifest names what this run wrote, so that a rerun can remove what it does not write again
    assertThat(Files.readAllLines(out.resolve(".diffmix-outputs")))
        .containsExactly("report.json", "report.md", "samples.npy", "scatter.png");
    assertThat(Files.readString(out.resolve("report.md"))).contains("![scatter](scatter.png)");
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("scatter.png").toFile());
    assertThat(png.getWidth()).isEqualTo(800);
    assertThat(png.getHeight()).isEqualTo(800);
    {
    }
  }

  @Test
  void samplesAreNumpyFloat64InCOrder() throws IOException {
    Path out = dir.resolve("out");
    assertThat(run(config(), out).exit()).isZero();
    byte[] npy = Files.readAllBytes(out.resolve("samples.npy"));
    assertThat(npy[0] & 0xff).isEqualTo(0x93);
    assertThat(new String(npy, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    int headerLen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
    String header = new String(npy, 10, headerLen, StandardCharsets.US_ASCII);
    assertThat(header).contains("'descr': '<f8'").contains("'fortran_order': False").contains("'shape': (700, 2)");
    assertThat((10 + headerLen) % 64).isZero();
    assertThat(npy.length - 10 - headerLen).isEqualTo(700 * 2 * 8);
    double first = ByteBuffer.wrap(npy, 10 + headerLen, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
    assertThat(first).isFinite();
  }

  @Test
  void oneThreadOrTwoGiveTheSameSamplesBitForBit() throws Exception {
    Path config = config();
    assertThat(run(config, dir.resolve("t1"), "--threads", "1").exit()).isZero();
    assertThat(run(config, dir.resolve("t2"), "--threads", "2").exit()).isZero();
    assertThat(sha256(dir.resolve("t2/samples.npy"))).isEqualTo(sha256(dir.resolve("t1/samples.npy")));
    JsonNode a = Json.read(dir.resolve("t1/report.json"));
    JsonNode b = Json.read(dir.resolve("t2/report.json"));
    assertThat(b.get("metrics")).isEqualTo(a.get("metrics"));
    assertThat(b.get("oracle").get("metrics")).isEqualTo(a.get("oracle").get("metrics"));
  }

  @Test
  void theResolvedConfigInTheReportReproducesTheRun() throws Exception {
    Path first = dir.resolve("first");
    assertThat(run(config(), first).exit()).isZero();
    Path again = dir.resolve("again.json");
    JsonNode resolved = Json.read(first.resolve("report.json")).at("/provenance/config");
    Files.writeString(again, Json.MAPPER.writeValueAsString(resolved));
    Path second = dir.resolve("second");
    assertThat(run(again, second).exit()).isZero();
    assertThat(sha256(second.resolve("samples.npy"))).isEqualTo(sha256(first.resolve("samples.npy")));
  }

  @Test
  void setTypeReplacesTheComponentAndTheSeedChangesTheSamples() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(run(config(), a).exit()).isZero();
    assertThat(run(config(), b, "--set", "seed=4", "--set", "grid.type=paper", "--set", "grid.steps=12").exit())
        .isZero();
    JsonNode report = Json.read(b.resolve("report.json"));
    assertThat(report.at("/sampler/nfe").asInt()).isEqualTo(12);
    assertThat(report.at("/provenance/config/grid/kappa").isNull()).isTrue();
    assertThat(sha256(b.resolve("samples.npy"))).isNotEqualTo(sha256(a.resolve("samples.npy")));
  }

  @Test
  void aComponentWithoutATypeIsTheDefaultPlugin() throws Exception {
    Path file = dir.resolve("nogrid.json");
    Files.writeString(file, Cli.smallConfig().replace("\"grid\": {\"type\": \"paper\", \"kappa\": 0.2},", ""));
    Path out = dir.resolve("nogrid");
    assertThat(run(file, out, "--set", "grid.kappa=0.3").exit()).isZero();
    JsonNode grid = Json.read(out.resolve("report.json")).at("/provenance/config/grid");
    assertThat(grid.get("type").asText()).isEqualTo("paper");
    assertThat(grid.get("kappa").asDouble()).isEqualTo(0.3);
  }

  static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }
}

package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.io.Npy;
import io.diffmix.core.io.NpyReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "init": "NOISE.npy"}: user-supplied starting points at the top time. */
class InitPointsTest {
  @TempDir Path dir;

  private Path writeNpy(String name, int rows, int dim, double value) throws IOException {
    Samples s = Samples.zeros(rows, dim);
    java.util.Arrays.fill(s.data(), value);
    Path p = dir.resolve(name);
    try (OutputStream os = Files.newOutputStream(p)) {
      Npy.write(s, os);
    }
    return p;
  }

  private Path config(Path init) throws IOException {
    String c = Cli.smallConfig().trim();
    c = c.substring(0, c.length() - 1) + ", \"init\": \"" + init + "\", \"grid\": {\"type\": \"paper\", \"steps\": 1}}";
    c = c.replace("\"grid\": {\"type\": \"paper\", \"kappa\": 0.2},", "");
    Path file = dir.resolve("init.json");
    Files.writeString(file, c);
    return file;
  }

  @Test
  void givenPointsStartTheSampler() throws IOException {
    // one paper-ve step from T down to t1 moves every point by the same drift plus its own noise
    Path init = writeNpy("noise.npy", 700, 2, 3.0);
    Cli r = Cli.run("run", config(init).toString(), "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    Samples s = NpyReader.read(dir.resolve("out/samples.npy"));
    assertThat(s.rows()).isEqualTo(700);
    assertThat(Files.readString(dir.resolve("out/report.json"))).contains("\"init\" : \"" + init + "\"");
    // other starting points, the same seed: other samples, so the file is what the sampler started from
    Path other = writeNpy("other.npy", 700, 2, 3.5);
    Files.move(other, init, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(Cli.run("run", config(init).toString(), "--out", dir.resolve("out2").toString(), "--quiet").exit())
        .isZero();
    assertThat(NpyReader.read(dir.resolve("out2/samples.npy"))).isNotEqualTo(s);
  }

  @Test
  void theWrongShapeIsBadInput() throws IOException {
    Path init = writeNpy("wrong.npy", 699, 2, 0.0);
    Path config = config(init);
    Cli r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: " + config + ": init: " + init
        + " has shape (699, 2); valid: (700, 2), that is (generate, dim)");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}

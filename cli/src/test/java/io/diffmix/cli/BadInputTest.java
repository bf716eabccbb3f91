package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input exits 2 with one line that names the file, the key and the valid choices, and leaves no output
 * behind.
 */
class BadInputTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown plugin      | "sampler": "pf-heunn"                      | sampler.type: unknown sampler 'pf-heunn'; available: ddim, dpm-solver++2m, edm-stochastic, euler-maruyama, exp-integrator, mixture, paper-ve, pc-langevin, pf-euler, pf-heun, pf-rk4
      unknown parameter   | "learner": {"type": "exact", "degre": 3}   | learner: unknown parameter 'degre' for learner 'exact'; valid: (none)
      unknown key         | "sampler": "paper-ve", "smapler": 1        | unknown key 'smapler'; valid: seed, target,
      negative weight     | "target": {"type": "gaussian-mixture", "weights": [1.2, -0.2], "means": [[0], [1]]} | target.weights[1]: -0.2 is out of range; valid: a list of numbers >= 0.0
      weights off 1       | "target": {"type": "gaussian-mixture", "weights": [0.5, 0.6], "means": [[0], [1]]}  | target.weights: sum to 1.1; valid: non-negative numbers that sum to 1
      means dimension     | "target": {"type": "gaussian-mixture", "weights": [0.5, 0.5], "means": [[0, 1], [1, 2, 3]]} | target.means: means[1] has 3 coordinates but means[0] has 2
      means count         | "target": {"type": "gaussian-mixture", "weights": [0.5, 0.5], "means": [[0, 1]]}   | target.means: 1 means for 2 weights
      NaN as a string     | "grid": {"type": "paper", "kappa": "NaN"} | grid.kappa: expected a number, got "NaN"
      kappa out of range  | "grid": {"type": "paper", "kappa": 0}     | grid.kappa: 0 is out of range; valid: a number > 0.0 and <= 10.0
      list not decreasing | "grid": {"type": "list", "times": [2.0, 1.0, 1.0]} | grid.times: times[2] = 1.0 does not decrease from times[1] = 1.0; valid: strictly decreasing times
      list t1 = 0         | "grid": {"type": "list", "times": [2.0, 0.0]} | grid.times: times[1] = 0.0 is not positive; valid: times > 0 (t1 > 0)
      uniform t1 < 0      | "grid": {"type": "uniform", "t1": -0.5}     | grid.t1: -0.5 is out of range; valid: a number > 0.0
      karras steps 0      | "grid": {"type": "karras", "steps": 0}     | grid.steps: 0 is out of range; valid: an integer >= 1
      sampler grid steps  | "sampler": {"type": "pf-heun", "grid": {"type": "log-snr", "steps": 0}} | sampler.grid.steps: 0 is out of range
      no overlap          | "schedule": "vp-linear", "grid": {"type": "list", "times": [30.0, 20.0]} | outside the schedule's range [0.0, 1.0]
      karras no overlap   | "schedule": {"type": "vp-cosine", "beta_max": 2}, "grid": {"type": "karras", "sigma_min": 10} | grid 'karras': its VE-time range [100.0, 6400.0] does not overlap the schedule's
      ddim eta            | "sampler": {"type": "ddim", "eta": 2}      | sampler.eta: 2 is out of range; valid: a number >= 0.0 and <= 1.0
      threads             | "floor_pairs": 3                           | floor_pairs: 3 is out of range; valid: 10 to 10000
      """)
  void exitsTwoWithOneLineAndNoOutput(String what, String override, String message) throws IOException {
    // the override's keys replace the small config's
    ObjectNode config = (ObjectNode) Json.parse(Cli.smallConfig(), "small");
    config.setAll((ObjectNode) Json.parse("{" + override + "}", "override"));
    Path file = dir.resolve("bad.json");
    Files.writeString(file, Json.MAPPER.writeValueAsString(config));
    Path out = dir.resolve("out");
    Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "--threads", "1", "--quiet");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("diffmix: " + file).contains(message);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.json");
    }
  }

  @org.junit.jupiter.api.Test
  void nanInTheConfigIsMalformedJsonAtItsPosition() throws IOException {
    Path file = dir.resolve("nan.json");
    Files.writeString(file, Cli.smallConfig().replace("\"kappa\": 0.2", "\"kappa\": NaN"));
    Cli r = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("diffmix: " + file + ": malformed JSON at line 5, column").contains("NaN");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void malformedJsonNamesTheFileAndThePosition() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"seed\": 7,\n  \"train\": 5000,,\n}\n");
    Cli r = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("diffmix: " + file + ": malformed JSON at line 3, column 17");
  }

  @org.junit.jupiter.api.Test
  void aBadSetValueIsBadInputToo() throws IOException {
    Path file = dir.resolve("ok.json");
    Files.writeString(file, Cli.smallConfig());
    Cli r = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--set", "grid.t1=-1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).isEqualTo("diffmix: " + file + ": grid.t1: -1 is out of range; valid: a number > 0.0");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void aMissingFileAndAnUnknownOptionAreBadInput() {
    Cli r = Cli.run("run", dir.resolve("nope.json").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().trim()).endsWith("nope.json: no such file");
    Cli u = Cli.run("run", "--no-such-option");
    assertThat(u.exit()).isEqualTo(2);
    assertThat(u.err().lines()).hasSize(1);
  }
}

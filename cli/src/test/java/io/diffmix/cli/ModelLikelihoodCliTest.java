package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.testkit.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model-likelihood} through the command line: bad input (a score model without the divergence, a
 * tolerance out of range) exits 2 with one line and writes nothing; a run reports the metric's fields.
 */
class ModelLikelihoodCliTest {
  @TempDir Path dir;

  private Path config(String metrics, String learner) throws IOException {
    return Files.writeString(dir.resolve("c.json"), Cli.smallConfig()
        .replace("\"metrics\": [\"mmd\", \"mixture-recovery\"]", "\"metrics\": " + metrics)
        .replace("\"learner\": \"exact\"", "\"learner\": " + learner));
  }

  private static List<String> lines(Cli r) {
    return r.err().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
  }

  @Test
  void aToleranceOutOfRangeExitsTwoWithOneLine() throws IOException {
    for (String bad : new String[] {"\"rtol\": 0.5", "\"atol\": 0", "\"rtol\": 1e-15"}) {
      Path c = config("[{\"type\": \"model-likelihood\", " + bad + "}]", "\"exact\"");
      Cli r = Cli.run("run", c.toString(), "--out", dir.resolve("out").toString(), "--quiet");
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(lines(r)).as(r.err()).singleElement().asString()
          .contains("metrics[0]." + bad.substring(1, 5) + ":").contains("out of range; valid: a number >= 1.0E-12");
      assertThat(dir.resolve("out")).doesNotExist();
    }
  }

  @Test
  void aLearnerWhoseModelHasNoDivergenceExitsTwoWithOneLine() throws IOException {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    new PluginJars().source("org.example.plain.PlainPlugin", """
        package org.example.plain;

        import io.diffmix.core.config.Params;
        import io.diffmix.core.score.ScoreModel;
        import io.diffmix.core.spi.*;
        import java.util.*;

        public final class PlainPlugin implements DiffmixPlugin {
          public record Config() {}

          @Override
          public Collection<LearnerFactory<?>> learners() {
            return List.of(new LearnerFactory<Config>() {
              public String name() { return "plain-gaussian"; }
              public String description() { return "the score of N(0, (1 + t) I), without a divergence"; }
              public Config configure(Params p) { return new Config(); }
              public Learner create(Config c) {
                return input -> new Learner.FittedModel(new ScoreModel() {
                  public int dim() { return input.train().dim(); }
                  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
                    for (int q = from * dim(); q < to * dim(); q++) {
                      out[q] = -x[q] / alpha / (1 + tVe) / alpha;
                    }
                  }
                }, Map.of());
              }
            });
          }
        }
        """).service("org.example.plain.PlainPlugin").build(plugins.resolve("plain.jar"));
    Path c = config("[\"model-likelihood\"]", "\"plain-gaussian\"");
    Cli r = Cli.run("run", c.toString(), "--plugins", plugins.toString(), "--out", dir.resolve("out").toString(),
        "--quiet", "--set", "oracle=false");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(lines(r)).as(r.err()).singleElement().asString()
        .contains("model-likelihood needs the divergence").doesNotContain("Exception");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aRunReportsTheLikelihoodBesideTheTruth() throws IOException {
    Path c = config("[\"model-likelihood\"]", "\"exact\"");
    Cli r = Cli.run("run", c.toString(), "--out", dir.resolve("out").toString(), "--quiet", "--set",
        "oracle=false");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(dir.resolve("out/report.json").toFile()).path("metrics")
        .path("model_likelihood");
    for (String field : new String[] {"nll", "bits_per_dim", "nll_true", "kl", "kl_se", "tv_upper", "rtol", "atol",
        "score_evaluations", "divergence_evaluations"}) {
      assertThat(m.has(field)).as(field + " in " + m).isTrue();
    }
    // the exact score: only the prior's mismatch at T and the ODE's tolerance separate the model from P0
    assertThat(Math.abs(m.path("kl").asDouble())).isLessThan(5 * m.path("kl_se").asDouble() + 1e-4);
  }

  /** A {@code file} target has no truth: nll on its held-out split, and no kl, nll_true or tv_upper. */
  @Test
  void aFileTargetGetsNllOnItsHeldOutSplitAndNoKl() throws IOException {
    StringBuilder csv = new StringBuilder("x,y\n");
    java.util.Random rng = new java.util.Random(5);
    for (int i = 0; i < 3600; i++) {
      csv.append(rng.nextGaussian()).append(',').append(3 + 0.5 * rng.nextGaussian()).append('\n');
    }
    Path data = Files.writeString(dir.resolve("rows.csv"), csv);
    Path c = Files.writeString(dir.resolve("c.json"), Cli.smallConfig()
        .replaceAll("\"target\": \\{[^}]*\\}", "\"target\": {\"type\": \"file\", \"path\": \""
            + data.toString().replace("\\", "/") + "\"}")
        .replace("\"metrics\": [\"mmd\", \"mixture-recovery\"]", "\"metrics\": [\"model-likelihood\"]")
        .replace("\"learner\": \"exact\"", "\"learner\": {\"type\": \"em-gmm\", \"components\": 1}"));
    Cli r = Cli.run("run", c.toString(), "--out", dir.resolve("out").toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(dir.resolve("out/report.json").toFile()).path("metrics")
        .path("model_likelihood");
    assertThat(m.has("nll")).as(m.toString()).isTrue();
    assertThat(m.has("kl") || m.has("nll_true") || m.has("tv_upper")).as(m.toString()).isFalse();
    // the held-out split: the reference rows, 600 of the file's 3,600
    assertThat(m.path("points").asInt()).isEqualTo(600);
    // N(0, 1) x N(3, 0.25) has entropy ln(2 pi e) + ln(0.5) = 2.145 nats, and one Gaussian is the right model:
    // nll is that entropy within five standard errors (-log p has sd sqrt(n/2) = 1 nat: se 0.04 on 600 points)
    assertThat(m.path("nll").asDouble()).isCloseTo(Math.log(2 * Math.PI * Math.E) + Math.log(0.5),
        org.assertj.core.data.Offset.offset(0.2));
  }
}

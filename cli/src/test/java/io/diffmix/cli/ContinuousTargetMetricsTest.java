package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric that needs a discrete mixture, on a continuous target (the circle): the run completes, and the
 * report says the metric was skipped and why, beside the metrics that do apply, with no floor for it.
 */
class ContinuousTargetMetricsTest {
  @TempDir Path dir;

  @Test
  void mixtureRecoveryOnTheCircleIsSkippedWithItsReason() throws IOException {
    Path out = dir.resolve("circle");
    Cli r = Cli.run("run", "--preset", "quickstart", "--out", out.toString(), "--quiet",
        "--set", "target={\"type\": \"sphere\", \"m\": 2, \"dim\": 2}", "--set", "learner=exact",
        "--set", "train=2000", "--set", "reference=500", "--set", "generate=500", "--set", "grid.kappa=0.3",
        "--set", "metrics=[\"mmd\", \"mixture-recovery\"]");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.read(out.resolve("report.json"));
    assertThat(report.at("/metrics/mixture_recovery/skipped").asText()).contains("discrete mixture");
    assertThat(report.at("/metrics/mixture_recovery").has("floor")).isFalse();
    assertThat(report.at("/metrics/mmd/value").isNumber()).isTrue();
    assertThat(report.at("/oracle/metrics/mixture_recovery/skipped").asText()).contains("discrete mixture");
  }
}

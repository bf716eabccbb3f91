package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code subspace}: the learner fits in the span of the means, the report records the rank and the
 * eigenvalues, and the saved model (span first, then the inner payload) samples the run's points again, bit for
 * bit, for every learner that fits from rows.
 */
class SubspaceRunTest {
  @TempDir Path dir;

  private Path config(String name, String learner) throws Exception {
    return Files.writeString(dir.resolve(name + ".json"), """
        {"seed": 4,
         "target": {"type": "random-mixture", "k": 3, "dim": 7, "separation": 6, "min_weight": 0.2, "seed": 2},
         "train": 6000, "reference": 800, "generate": 800,
         "grid": {"type": "paper", "kappa": 0.3},
         "learner": %s, "metrics": ["mmd", "score-error"],
         "subspace": {"rank": "auto"}}
        """.formatted(learner));
  }

  @Test
  void everyRowLearnerFitsInTheSpanAndItsModelFileSamplesTheRunAgain() throws Exception {
    for (String learner : new String[] {"{\"type\": \"piecewise-polynomial\", \"degree\": 2}",
        "{\"type\": \"kernel-ridge\", \"landmarks\": 50, \"rows_per_level\": 2000}",
        "{\"type\": \"em-gmm\", \"components\": 3}"}) {
      Path cfg = config(learner.replaceAll("[^a-z-]", "").substring(4, 10), learner);
      Path run = dir.resolve("run-" + cfg.getFileName());
      Cli r = Cli.run("run", cfg.toString(), "--out", run.toString(), "--quiet", "--threads", "2");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode report = Json.read(run.resolve("report.json"));
      // three components: their centred means span 2 of the 7 dimensions
      assertThat(report.path("learner").path("subspace").path("rank").asInt()).as(learner).isEqualTo(2);
      assertThat(report.path("learner").path("subspace").path("eigenvalues")).hasSize(7);
      assertThat(report.path("provenance").path("config").path("subspace").path("rank").asText()).isEqualTo("auto");
      Path again = dir.resolve("again.npy");
      Files.deleteIfExists(again);
      Cli s = Cli.run("sample", "--model", run.resolve("model.dmx").toString(), "--out", again.toString(),
          "--quiet", "--threads", "1");
      assertThat(s.exit()).as(s.err()).isZero();
      assertThat(RunTest.sha256(again)).as(learner).isEqualTo(RunTest.sha256(run.resolve("samples.npy")));
    }
  }
}

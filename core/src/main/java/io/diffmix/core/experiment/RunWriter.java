package io.diffmix.core.experiment;

import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.Npy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a finished run's outputs into a folder: report.json, report.md and samples.npy. They appear together
 * or not at all (see {@link AtomicOutput}).
 */
public final class RunWriter {
  private RunWriter() {}

  public static void write(ExperimentRunner.Outcome outcome, Path dir) throws IOException {
    try (AtomicOutput out = new AtomicOutput(dir)) {
      out.write("report.json", os -> {
        os.write(Json.MAPPER.writeValueAsBytes(outcome.report()));
        os.write('\n');
      });
      out.write("report.md", os -> os.write(ReportText.markdown(outcome.report()).getBytes(StandardCharsets.UTF_8)));
      out.write("samples.npy", os -> Npy.write(outcome.samples(), os));
      out.commit();
    }
  }
}

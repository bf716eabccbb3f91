package io.diffmix.core.experiment;

import io.diffmix.core.config.Json;
import io.diffmix.core.io.AtomicOutput;
import io.diffmix.core.io.Npy;
import io.diffmix.core.model.SavedModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a finished run's outputs into a folder: report.json, report.md, samples.npy, model.dmx (when the
 * model can be saved) and any extra files
 * (the CLI's plots). They appear together or not at all (see {@link AtomicOutput}).
 */
public final class RunWriter {
  private RunWriter() {}

  /**
   * Writes the outputs, with extra files by name, such as {@code "scatter.png"}.
   *
   * @param learner the name of the learner that fitted {@code outcome.model()}, which the model file records
   */
  public static void write(ExperimentRunner.Outcome outcome, String learner, Path dir, Map<String, byte[]> extras)
      throws IOException {
    try (AtomicOutput out = new AtomicOutput(dir)) {
      for (Map.Entry<String, byte[]> e : extras.entrySet()) {
        out.write(e.getKey(), os -> os.write(e.getValue()));
      }
      out.write("report.json", os -> {
        os.write(Json.MAPPER.writeValueAsBytes(outcome.report()));
        os.write('\n');
      });
      StringBuilder md = new StringBuilder(ReportText.markdown(outcome.report()));
      extras.keySet().stream().filter(f -> f.endsWith(".png")).forEach(f ->
          md.append("\n![").append(f, 0, f.length() - 4).append("](").append(f).append(")\n"));
      out.write("report.md", os -> os.write(md.toString().getBytes(StandardCharsets.UTF_8)));
      out.write("samples.npy", os -> Npy.write(outcome.samples(), os));
      Optional<byte[]> model = SavedModels.bytes(learner, outcome.model(), outcome.report().get("provenance"),
          outcome.moments());
      if (model.isPresent()) {
        out.write("model.dmx", os -> os.write(model.get()));
      }
      out.commit();
    }
  }
}

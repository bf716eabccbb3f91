package io.diffmix.cli;

import io.diffmix.core.experiment.ExperimentRunner;
import java.io.PrintWriter;

/** A run's progress: one {@link ProgressReporter} per stage (levels fitted, points sampled). */
final class StagedProgress implements ExperimentRunner.Progress, AutoCloseable {
  private final PrintWriter err;
  private final boolean quiet;
  private String stage;
  private ProgressReporter current;

  StagedProgress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public synchronized void advanced(String newStage, long done, long total) {
    if (!newStage.equals(stage)) {
      close();
      stage = newStage;
      current = ProgressReporter.create(newStage, err, quiet);
    }
    current.step(done, total);
  }

  synchronized void message(String line) {
    if (quiet) {
      return;
    }
    close();
    stage = null;
    err.println(line);
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}

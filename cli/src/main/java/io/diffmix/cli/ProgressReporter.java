package io.diffmix.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a bar with a time estimate on a terminal, a plain line every few seconds (and at the
 * end) when the output is not a terminal, nothing with {@code --quiet}.
 */
abstract class ProgressReporter implements AutoCloseable {

  /** Moves to {@code done} of {@code total}. */
  abstract void step(long done, long total);

  /** A message that must not tear the bar. */
  abstract void message(String line);

  @Override
  public abstract void close();

  static ProgressReporter create(String task, PrintWriter err, boolean quiet) {
    if (quiet) {
      return new ProgressReporter() {
        void step(long done, long total) {}

        void message(String line) {}

        public void close() {}
      };
    }
    if (System.console() != null) {
      return new Bar(task, err);
    }
    return new Lines(task, err);
  }

  private static final class Bar extends ProgressReporter {
    private final String task;
    private final PrintWriter err;
    private ProgressBar bar;

    Bar(String task, PrintWriter err) {
      this.task = task;
      this.err = err;
    }

    @Override
    void step(long done, long total) {
      if (bar == null) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200).continuousUpdate().build();
      }
      bar.maxHint(total);
      bar.stepTo(done);
    }

    @Override
    void message(String line) {
      if (bar == null) {
        err.println(line);
        err.flush();
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  private static final class Lines extends ProgressReporter {
    private final String task;
    private final PrintWriter err;
    /** Seconds between two plain lines: a log, not a film. */
    private static final long PERIOD_NANOS = 5_000_000_000L;
    private long last = System.nanoTime();

    Lines(String task, PrintWriter err) {
      this.task = task;
      this.err = err;
    }

    @Override
    void step(long done, long total) {
      long now = System.nanoTime();
      if (done >= total || now - last >= PERIOD_NANOS) {
        last = now;
        err.println("diffmix: " + task + " " + done + "/" + total);
        err.flush();
      }
    }

    @Override
    void message(String line) {
      err.println(line);
      err.flush();
    }

    @Override
    public void close() {}
  }
}

package io.diffmix.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a bar with a time estimate on a terminal, plain lines at each tenth of the work when
 * the output is not a terminal, nothing with {@code --quiet}.
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
    private long lastTenth = -1;

    Lines(String task, PrintWriter err) {
      this.task = task;
      this.err = err;
    }

    @Override
    void step(long done, long total) {
      long tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth != lastTenth) {
        lastTenth = tenth;
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

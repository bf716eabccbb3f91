package io.diffmix.core.compare;

import java.io.IOException;
import java.util.List;

/** The default engine: one pair after another on this JVM, each run on the job's threads (default: all cores). */
public final class LocalComparisonEngine implements ComparisonEngine {
  public static final String NAME = "local";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(ComparisonJob job, List<PendingRun> pending, RowSink sink) throws IOException {
    int threads = job.threads() == null ? Runtime.getRuntime().availableProcessors() : job.threads();
    for (PendingRun p : pending) {
      sink.accept(ComparisonRunner.runOne(job.grid().config(p.cell(), p.seed()), p.cell().json(), p.seed(),
          job.source(), job.registry(), threads, job.log()));
    }
  }
}

package io.diffmix.core.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default engine: the pairs on this JVM, several at once.
 *
 * <p>Without {@code --threads}, it runs as many pairs at once as there are cores, each on one thread: a run has
 * serial stretches (drawing data, the JIT's first compilations, the plots), and a second run fills the core the
 * first leaves idle. With {@code --threads N}, each pair gets N threads and ⌊cores / N⌋ pairs run at once. A run's
 * numbers do not depend on its thread count, and rows reach the log in grid order, so results.jsonl and table.csv
 * are the same whatever runs at once.
 */
public final class LocalComparisonEngine implements ComparisonEngine {
  public static final String NAME = "local";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(ComparisonJob job, List<PendingRun> pending, RowSink sink) throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = job.threads() == null ? 1 : job.threads();
    int atOnce = Math.max(1, Math.min(pending.size(), cores / threads));
    ExecutorService pool = Executors.newFixedThreadPool(atOnce, r -> {
      Thread t = new Thread(r, "diffmix-cell");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ObjectNode>> rows = new ArrayList<>();
      for (PendingRun p : pending) {
        rows.add(pool.submit(() -> ComparisonRunner.runOne(job.grid().config(p.cell(), p.seed()), p.cell().json(),
            p.seed(), job.source(), job.registry(), threads, job.floorCache(), job.log())));
      }
      for (Future<ObjectNode> row : rows) {
        sink.accept(get(row));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ObjectNode get(Future<ObjectNode> row) throws IOException {
    try {
      return row.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }
}

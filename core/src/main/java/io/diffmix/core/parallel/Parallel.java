package io.diffmix.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run's worker threads, with work split into chunks whose boundaries do not depend on the thread count.
 *
 * <p>Reductions collect one partial result per chunk and combine them in chunk order, so a sum is the same to
 * the last bit with one thread or many.
 *
 * <pre>{@code
 * try (Parallel par = new Parallel(2)) {
 *   List<Double> partial = par.mapChunks(n, 1024, (from, to) -> sum(x, from, to));
 *   double total = 0;
 *   for (double p : partial) total += p;   // fixed order
 * }
 * }</pre>
 */
public final class Parallel implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;

  public Parallel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      this.pool = null;
    } else {
      AtomicInteger id = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "diffmix-worker-" + id.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** A single-threaded instance, for tests and small jobs. */
  public static Parallel serial() {
    return new Parallel(1);
  }

  public int threads() {
    return threads;
  }

  /** Work on rows [from, to). */
  @FunctionalInterface
  public interface ChunkBody {
    void run(int from, int to);
  }

  /** Work on rows [from, to) with a result. */
  @FunctionalInterface
  public interface ChunkFunction<T> {
    T apply(int from, int to);
  }

  /** Runs {@code body} on every chunk [i·chunk, min(n, (i+1)·chunk)). */
  public void forEachChunk(int n, int chunk, ChunkBody body) {
    mapChunks(n, chunk, (from, to) -> {
      body.run(from, to);
      return null;
    });
  }

  /** Applies {@code fn} to every chunk and returns the results in chunk order. */
  public <T> List<T> mapChunks(int n, int chunk, ChunkFunction<T> fn) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be >= 1");
    }
    int count = (n + chunk - 1) / chunk;
    List<T> out = new ArrayList<>(count);
    if (pool == null || count <= 1) {
      for (int c = 0; c < count; c++) {
        out.add(fn.apply(c * chunk, Math.min(n, (c + 1) * chunk)));
      }
      return out;
    }
    List<Future<T>> futures = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      int from = c * chunk;
      int to = Math.min(n, (c + 1) * chunk);
      futures.add(pool.submit(() -> fn.apply(from, to)));
    }
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
    return out;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

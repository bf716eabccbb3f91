package io.diffmix.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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
      this.pool = Executors.newFixedThreadPool(threads - 1, r -> {
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

  /**
   * Applies {@code fn} to every chunk and returns the results in chunk order.
   *
   * <p>The calling thread works too: it and up to threads − 1 helpers from the pool take chunks from one counter
   * until none is left, so a pass over a few chunks starts at once on the caller instead of waiting for a pool
   * thread to wake (the paper's learner and the metrics make thousands of short passes). Which thread runs a
   * chunk never matters: each result goes to its chunk's slot. A helper that has not started when the chunks
   * run out is withdrawn, not awaited, so a chunk body may itself call mapChunks without a deadlock.
   */
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
    Object[] results = new Object[count];
    Chunks<T> work = new Chunks<>(n, chunk, count, fn, results);
    int helpers = Math.min(threads - 1, count - 1);
    Helper[] started = new Helper[helpers];
    for (int h = 0; h < helpers; h++) {
      started[h] = new Helper(work);
      pool.execute(started[h]);
    }
    work.run();
    for (Helper h : started) {
      h.awaitIfStarted();
    }
    if (work.failure != null) {
      Throwable cause = work.failure;
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      T t = (T) r;
      out.add(t);
    }
    return out;
  }

  /** The chunks of one call, taken from a shared counter; the first failure stops the rest. */
  private static final class Chunks<T> {
    private final int n;
    private final int chunk;
    private final int count;
    private final ChunkFunction<T> fn;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Throwable failure;

    Chunks(int n, int chunk, int count, ChunkFunction<T> fn, Object[] results) {
      this.n = n;
      this.chunk = chunk;
      this.count = count;
      this.fn = fn;
      this.results = results;
    }

    void run() {
      int c;
      while ((c = next.getAndIncrement()) < count) {
        try {
          results[c] = fn.apply(c * chunk, Math.min(n, (c + 1) * chunk));
        } catch (Throwable e) {
          synchronized (this) {
            if (failure == null) {
              failure = e;
            }
          }
          next.set(count);
        }
      }
    }
  }

  /** A pool thread's share of one call: it runs once, or is withdrawn before it starts. */
  private static final class Helper implements Runnable {
    private final Chunks<?> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    Helper(Chunks<?> work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        work.run();
      } finally {
        done.countDown();
      }
    }

    /**
     * Withdraws the helper if it has not started; otherwise waits for it (its results are then visible). An
     * interrupt of the waiting thread stops the call: no further chunk starts.
     */
    void awaitIfStarted() {
      if (claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        done.await();
      } catch (InterruptedException e) {
        work.next.set(work.count);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

package io.diffmix.core.experiment;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import java.util.Arrays;
import java.util.List;

/**
 * Draws {@code count} points with a sampler, in parallel chunks.
 *
 * <p>Sample i starts from the prior (drawn from stream ("sample", i)) or from a given point, and reads its
 * noise from that stream only, so
 * the bits do not depend on the chunk size or the thread count; and a paired oracle run with the same streams
 * starts from the same points and sees the same noise.
 */
public final class SamplingRun {
  /** Rows per task. Any value gives the same bits; this one balances two cores and keeps chunks in cache. */
  public static final int CHUNK = 500;

  /** The stream family of generated samples. */
  public static final String STREAM = "sample";

  private SamplingRun() {}

  /**
   * The generated points and the NFE per point.
   *
   * @param samples the points at the last time of the grid
   * @param nfe score evaluations per point
   */
  public record Result(Samples samples, int nfe) {}

  public static Result run(
      Sampler sampler, ScoreModel score, Schedule schedule, double[] times, StartingPoints start, int count,
      RandomStreams streams, Parallel parallel) {
    return run(sampler, score, schedule, times, start, count, streams, parallel, CHUNK);
  }

  /** As above, with a given chunk size: the result is the same for every chunk size. */
  public static Result run(
      Sampler sampler, ScoreModel score, Schedule schedule, double[] times, StartingPoints start, int count,
      RandomStreams streams, Parallel parallel, int chunk) {
    return run(sampler, score, schedule, times, start, count, streams, parallel, chunk, (done, total) -> {});
  }

  /** As above, telling {@code rowsDone} how many points are finished after each chunk. */
  public static Result run(
      Sampler sampler, ScoreModel score, Schedule schedule, double[] times, StartingPoints start, int count,
      RandomStreams streams, Parallel parallel, int chunk, java.util.function.BiConsumer<Long, Long> rowsDone) {
    java.util.concurrent.atomic.AtomicLong finished = new java.util.concurrent.atomic.AtomicLong();
    int d = score.dim();
    double[] out = new double[count * d];
    List<Integer> nfes = parallel.mapChunks(count, chunk, (from, to) -> {
      int rows = to - from;
      SampleNoise noise = new SampleNoise(streams, STREAM, from, rows);
      double[] x = new double[rows * d];
      start.fill(x, from, rows, noise);
      int nfe = sampler.sample(score, schedule, times, new Sampler.Chunk(x, rows, d, noise));
      System.arraycopy(x, 0, out, from * d, rows * d);
      rowsDone.accept(finished.addAndGet(rows), (long) count);
      return nfe;
    });
    int nfe = nfes.isEmpty() ? 0 : nfes.get(0);
    if (nfes.stream().anyMatch(v -> v != nfe)) {
      throw new IllegalStateException("sampler reported different NFE per chunk: " + nfes);
    }
    for (double v : out) {
      if (!Double.isFinite(v)) {
        throw new IllegalStateException("sampler produced a non-finite point; first bad rows: "
            + Arrays.toString(Arrays.copyOf(out, Math.min(out.length, 4 * d))));
      }
    }
    return new Result(new Samples(out, count, d), nfe);
  }
}

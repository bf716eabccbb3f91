package io.diffmix.core.metrics;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a Vector API kernel has become faster than its plain-Java lanes ({@link LaneSums}), measured on the rows
 * themselves.
 *
 * <p>Until C2 has compiled it, Vector API code runs as ordinary method calls that allocate every vector, and
 * C1 and C2 spend their time compiling the API's own fallback code. In the quickstart's MMD (1.5·10⁸ kernel
 * terms) in a fresh JVM, the vectors took 100–1900 ns per column until C2 had compiled them, 2,500–3,200 rows
 * in, against about 6 ns for the plain lanes from the start and 1.4 ns for the compiled vectors. The plain lanes
 * give the same bits as the vectors from the first call. So while the vectors are slow, each row runs its first
 * {@link #PROBE} columns on the vectors, one vector per call (what gets them compiled), and the rest on the
 * plain lanes, and the two are timed per column. After {@link #WINS} rows in a row in which the vectors were no
 * slower, every row runs on the vectors alone, for good (a later deoptimisation would cost speed, never bits).
 *
 * <p>The choice is one of speed only: both forms give the same bits, so no result depends on when, or on which
 * thread, the switch happens. It is a planner that measures, as FFTW's does (Frigo and Johnson 2005), between
 * candidates that agree to the bit.
 */
final class VectorWarmUp {
  /** Columns per probe of the vectors: a multiple of every lane count, which VectorKernelSums checks. */
  static final int PROBE = 64;
  /** Consecutive probes the vectors must win. */
  static final int WINS = 3;

  private final int needed;
  private final AtomicInteger wins = new AtomicInteger();
  private volatile boolean vectorsFaster;

  VectorWarmUp() {
    this(WINS);
  }

  /** A warm-up that switches after {@code needed} consecutive wins: 0 runs the vectors from the start. */
  VectorWarmUp(int needed) {
    this.needed = needed;
    this.vectorsFaster = needed == 0;
  }

  /** Whether the vectors have won; from then on, rows run on them alone. */
  boolean vectorsFaster() {
    return vectorsFaster;
  }

  /** One row's timings: the vectors on their probe, the plain lanes on the rest. */
  void record(long vectorNanos, int vectorColumns, long plainNanos, int plainColumns) {
    // per column, vectorNanos / vectorColumns <= plainNanos / plainColumns, without division
    if (vectorNanos * (double) plainColumns <= plainNanos * (double) vectorColumns) {
      if (wins.incrementAndGet() >= needed) {
        vectorsFaster = true;
      }
    } else {
      wins.set(0);
    }
  }
}

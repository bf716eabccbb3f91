package io.diffmix.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelTest {

  /** Every chunk once, its result in its own slot, for any thread count. */
  @Test
  void resultsComeInChunkOrderForAnyThreadCount() {
    List<int[]> expected = new ArrayList<>();
    for (int c = 0; c < 37; c++) {
      expected.add(new int[] {c * 7, Math.min(255, (c + 1) * 7)});
    }
    for (int threads = 1; threads <= 4; threads++) {
      try (Parallel par = new Parallel(threads)) {
        for (int rep = 0; rep < 50; rep++) {
          List<int[]> got = par.mapChunks(255, 7, (from, to) -> new int[] {from, to});
          assertThat(got).as("threads %d", threads).containsExactlyElementsOf(expected);
        }
      }
    }
  }

  /**
   * A chunk body that itself calls mapChunks on the same instance finishes: a helper that has not started
   * when the chunks run out is withdrawn, never awaited, so no thread waits on work queued behind itself.
   */
  @Test
  void nestedCallsDoNotDeadlock() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (Parallel par = new Parallel(2)) {
        for (int rep = 0; rep < 200; rep++) {
          List<Long> outer = par.mapChunks(8, 1, (from, to) -> {
            long s = 0;
            for (long v : par.mapChunks(100, 10, (a, b) -> (long) (b - a))) {
              s += v;
            }
            return s;
          });
          assertThat(outer).hasSize(8).containsOnly(100L);
        }
      }
    });
  }

  /** A chunk's exception reaches the caller as it was thrown, and the instance stays usable. */
  @Test
  void aChunksExceptionReachesTheCaller() {
    try (Parallel par = new Parallel(2)) {
      assertThatThrownBy(() -> par.mapChunks(100, 10, (from, to) -> {
        if (from == 50) {
          throw new IllegalArgumentException("chunk 5");
        }
        return from;
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk 5");
      assertThat(par.mapChunks(20, 10, (from, to) -> from)).containsExactly(0, 10);
    }
  }
}

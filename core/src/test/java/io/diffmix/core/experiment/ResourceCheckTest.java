package io.diffmix.core.experiment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import org.junit.jupiter.api.Test;

/** {@code diffmix sample}'s check of its points against the heap, on either side of the limit. */
class ResourceCheckTest {
  @Test
  void samplesBeyondTheHeapAreRefusedWithTheLargestCountThatFits() {
    // 10^8 points in dim 10^4 are 16 TB with their starting points: beyond any heap this test runs in
    assertThatThrownBy(() -> ResourceCheck.samples("--count", 100_000_000, 10_000))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--count: 100000000 points in dim 10000 need about ")
        .hasMessageContaining("of the JVM's max heap")
        .hasMessageContaining("; valid: --count <= ");
    long fits = (long) (ResourceCheck.HEAP_SHARE * Runtime.getRuntime().maxMemory()) / (16L * 10_000);
    assertThatCode(() -> ResourceCheck.samples("--count", (int) fits, 10_000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ResourceCheck.samples("--count", (int) (2 * fits), 10_000))
        .isInstanceOf(BadInputException.class);
  }
}

package io.diffmix.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class L64X128MixRandomTest {
  private static final RandomGeneratorFactory<RandomGenerator> JDK = RandomGeneratorFactory.of("L64X128MixRandom");

  /**
   * Ours and the JDK's, from the same seeds (edge values and 2,000 random ones), give the same longs, ints,
   * bounded ints, doubles and Gaussians, bit for bit, interleaved as the library draws them.
   */
  @Test
  void givesTheJdkGeneratorsValuesBitForBit() {
    SplittableRandom seeds = new SplittableRandom(3);
    long[] edge = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x6a09e667f3bcc909L};
    for (int k = 0; k < edge.length + 2000; k++) {
      long seed = k < edge.length ? edge[k] : seeds.nextLong();
      RandomGenerator ours = new L64X128MixRandom(seed);
      RandomGenerator theirs = JDK.create(seed);
      for (int i = 0; i < 50; i++) {
        assertThat(ours.nextLong()).as("seed %d, nextLong %d", seed, i).isEqualTo(theirs.nextLong());
        assertThat(Double.doubleToRawLongBits(ours.nextGaussian())).as("seed %d, nextGaussian %d", seed, i)
            .isEqualTo(Double.doubleToRawLongBits(theirs.nextGaussian()));
        assertThat(Double.doubleToRawLongBits(ours.nextDouble())).isEqualTo(
            Double.doubleToRawLongBits(theirs.nextDouble()));
        assertThat(ours.nextInt(1 + i * 7919)).isEqualTo(theirs.nextInt(1 + i * 7919));
        assertThat(ours.nextInt()).isEqualTo(theirs.nextInt());
      }
    }
  }

  /** What the streams hand out is still the algorithm provenance names. */
  @Test
  void streamsAreThisGenerator() {
    RandomGenerator g = new RandomStreams(7).stream("sample", 12);
    assertThat(g).isInstanceOf(L64X128MixRandom.class);
    assertThat(RandomStreams.ALGORITHM).isEqualTo("L64X128MixRandom");
    RandomGenerator jdk = JDK.create(new RandomStreams(7).seedFor("sample", 12));
    assertThat(g.nextLong()).isEqualTo(jdk.nextLong());
  }
}

package io.diffmix.core.random;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * Independent random streams derived from one master seed, one per purpose and index.
 *
 * <p>Nothing shares a mutable generator: the training draw, each level of a learner, each generated sample
 * and each floor pair asks for its own stream by name, so results do not depend on the order in which threads
 * run, on the thread count, or on the batch size.
 *
 * <pre>{@code
 * RandomStreams streams = new RandomStreams(7);
 * RandomGenerator level12 = streams.stream("level", 12);
 * }</pre>
 */
public final class RandomStreams {
  /** The generator algorithm of every stream; recorded in provenance. */
  public static final String ALGORITHM = "L64X128MixRandom";

  /** How streams are derived, for provenance. */
  public static final String DESCRIPTION =
      ALGORITHM + " per stream, seeded by SplitMix64(seed, purpose, index)";

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** The stream for a purpose, such as {@code "train"}. */
  public RandomGenerator stream(String purpose) {
    return stream(purpose, 0);
  }

  /** The {@code index}-th stream for a purpose, such as the noise of generated sample 17. */
  public RandomGenerator stream(String purpose, long index) {
    return new L64X128MixRandom(seedFor(purpose, index));
  }

  /** Streams of a sub-purpose: {@code child("oracle")} gives streams independent of this one's. */
  public RandomStreams child(String purpose) {
    return new RandomStreams(seedFor(purpose, -1));
  }

  /** The 64-bit seed of a stream: SplitMix64 finalisers over the seed, the purpose's hash and the index. */
  public long seedFor(String purpose, long index) {
    long h = 0x9E3779B97F4A7C15L;
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      h = mix64(h ^ (b & 0xff));
    }
    return mix64(mix64(seed ^ h) + 0x9E3779B97F4A7C15L * (index + 1));
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

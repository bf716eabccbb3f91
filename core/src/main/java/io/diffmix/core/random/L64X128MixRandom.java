package io.diffmix.core.random;

import java.util.random.RandomGenerator;

/**
 * The JDK's {@code L64X128MixRandom} (JEP 356; Steele and Vigna, "LXM: better splittable pseudorandom number
 * generators", 2021), written out so that a stream is a plain constructor call: a 64-bit LCG plus a
 * xoroshiro128 generator, combined by Lea's 64-bit mixer.
 *
 * <p>From the same seed it gives the JDK generator's values to the bit ({@code L64X128MixRandomTest} compares
 * them through {@code RandomGeneratorFactory}). Only {@link #nextLong} is ours: {@code nextGaussian},
 * {@code nextDouble} and the rest are {@link RandomGenerator}'s defaults, which the JDK's class inherits too.
 * Creating the 10,000 per-sample streams of a quickstart run reflectively, through the factory, cost about
 * 90 ms in a fresh JVM.
 */
final class L64X128MixRandom implements RandomGenerator {
  /** The LCG's multiplier. */
  private static final long M = 0xd1342543de82ef95L;
  private static final long GOLDEN_RATIO_64 = 0x9e3779b97f4a7c15L;
  private static final long SILVER_RATIO_64 = 0x6a09e667f3bcc909L;

  /** The LCG's additive parameter, odd. */
  private final long a;
  /** The LCG's state. */
  private long s;
  /** The xoroshiro128 state, never both zero. */
  private long x0;
  private long x1;

  /** As the JDK's {@code L64X128MixRandom(long seed)}. */
  L64X128MixRandom(long seed) {
    seed ^= SILVER_RATIO_64;
    this.a = mixMurmur64(seed) | 1;
    this.s = 1;
    this.x0 = mixStafford13(seed);
    this.x1 = mixStafford13(seed + GOLDEN_RATIO_64);
    if ((x0 | x1) == 0) {
      // as the JDK does for an all-zero xoroshiro state: SplitMix64 from s
      long v = s;
      x0 = mixStafford13(v += GOLDEN_RATIO_64);
      x1 = mixStafford13(v + GOLDEN_RATIO_64);
    }
  }

  @Override
  public long nextLong() {
    long result = mixLea64(s + x0);
    s = M * s + a;
    long q0 = x0;
    long q1 = x1;
    q1 ^= q0;
    q0 = Long.rotateLeft(q0, 24);
    q0 = q0 ^ q1 ^ (q1 << 16);
    q1 = Long.rotateLeft(q1, 37);
    x0 = q0;
    x1 = q1;
    return result;
  }

  private static long mixLea64(long z) {
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    return z ^ (z >>> 32);
  }

  private static long mixMurmur64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static long mixStafford13(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}

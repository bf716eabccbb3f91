package io.diffmix.core.experiment;

import io.diffmix.core.data.Samples;
import io.diffmix.core.random.RandomStreams;
import java.util.random.RandomGenerator;

/**
 * Floor pairs for data without a closed form: disjoint halves of the held-out rows, drawn without
 * replacement (README, "Evaluating a sample file"). Pair i shuffles the rows with its own stream and takes the first
 * min(a, ⌊N/2⌋) rows as one side and the next min(b, ⌊N/2⌋) as the other.
 */
public final class HeldOutHalves implements MetricSuite.FloorPairs {
  private final Samples heldOut;
  private final RandomStreams streams;

  public HeldOutHalves(Samples heldOut, RandomStreams streams) {
    if (heldOut.rows() < 4) {
      throw new io.diffmix.core.config.BadInputException("floors need at least 4 held-out rows, got "
          + heldOut.rows() + "; valid: reference >= 4");
    }
    this.heldOut = heldOut;
    this.streams = streams;
  }

  @Override
  public Samples[] pair(int index, int sizeA, int sizeB) {
    int n = heldOut.rows();
    int d = heldOut.dim();
    int half = n / 2;
    int a = Math.min(sizeA, half);
    int b = Math.min(sizeB, half);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    RandomGenerator rng = streams.stream("halves", index);
    // a partial Fisher–Yates shuffle: only the first a + b positions are needed
    for (int i = 0; i < a + b; i++) {
      int j = i + rng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Samples sa = Samples.zeros(a, d);
    Samples sb = Samples.zeros(b, d);
    for (int i = 0; i < a; i++) {
      System.arraycopy(heldOut.data(), perm[i] * d, sa.data(), i * d, d);
    }
    for (int i = 0; i < b; i++) {
      System.arraycopy(heldOut.data(), perm[a + i] * d, sb.data(), i * d, d);
    }
    return new Samples[] {sa, sb};
  }
}

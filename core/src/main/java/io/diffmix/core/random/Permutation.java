package io.diffmix.core.random;

import java.util.random.RandomGenerator;

/** Uniform random permutations, for splits and folds that must be the same bits for the same stream. */
public final class Permutation {
  private Permutation() {}

  /** A uniform permutation of 0 .. n − 1 by Fisher–Yates, drawing j ∈ [0, i] for i = n − 1 down to 1. */
  public static int[] of(int n, RandomGenerator rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }
}

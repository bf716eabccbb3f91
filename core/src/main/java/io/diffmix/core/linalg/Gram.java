package io.diffmix.core.linalg;

/**
 * The Gram accumulation of the regressions: G += XᵀX over a block of rows, upper triangle only.
 *
 * <p>Every entry is one fused multiply-add chain over the rows in their order,
 * {@code g[a][b] = fma(x[r][a], x[r][b], g[a][b])} for r = 0, 1, …, m − 1. Nothing is reassociated, so the
 * bits depend neither on how the kernel blocks the work nor on the vector width, and the Vector API kernel
 * and the scalar one agree to the last bit. Callers that split rows over threads sum the blocks in a fixed
 * order, which makes the whole Gram independent of the thread count.
 *
 * <p>The Vector API kernel runs when the JVM has {@code jdk.incubator.vector} (the launcher and the tests
 * add it); the scalar one otherwise. The one kernel outside this promise is native OpenBLAS's, which
 * {@link #forColumns} takes for large Grams when netlib has it: its bits are OpenBLAS's own.
 */
public interface Gram {

  /**
   * Adds the upper triangle of XᵀX into {@code g}.
   *
   * @param x the rows: row r is {@code x[xOff + r·ld .. xOff + r·ld + p)}
   * @param m the number of rows
   * @param p the number of columns
   * @param ld the row stride, at least p
   * @param g p × p, row-major: entries with b ≥ a are accumulated; those below the diagonal are untouched
   */
  void accumulateUpper(double[] x, int xOff, int m, int p, int ld, double[] g);

  /** What ran, for provenance. */
  String name();

  /** The fastest kernel this JVM offers. */
  static Gram best() {
    return Holder.BEST;
  }

  /**
   * The kernel to use for Grams of p columns. The Vector API's kernel is 3 times faster once compiled,
   * but runs through a slow fallback for about a second of a new JVM's life; below 24 columns the Grams are
   * small and the scalar kernel, compiled at once, finishes a typical fit first (scripts/gram-vs-numpy.sh).
   * Both give the same bits, so that choice is only one of speed. From 24 columns native OpenBLAS's
   * {@code dsyrk} is faster still, when netlib has it; its bits are its own, which {@link #describe} records.
   */
  static Gram forColumns(int p) {
    if (p < SMALL) {
      return scalar();
    }
    return BlasBackend.isNative() ? BlasGram.INSTANCE : best();
  }

  /** What {@link #forColumns} runs, in words, for provenance. */
  static String describe() {
    Gram large = BlasBackend.isNative() ? BlasGram.INSTANCE : best();
    return scalar().name() + " below " + SMALL + " columns, " + large.name() + " from there";
  }

  /** Below this many columns {@link #forColumns} takes the scalar kernel. */
  int SMALL = 24;

  /** The scalar kernel: the reference the others match bit for bit. */
  static Gram scalar() {
    return ScalarGram.INSTANCE;
  }

  /** Chooses once, lazily: the Vector API's kernel when its module is in the boot layer. */
  final class Holder {
    static final Gram BEST = choose();

    private Holder() {}

    private static Gram choose() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
        try {
          return (Gram) Class.forName("io.diffmix.core.linalg.VectorGram").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
          // no module, or no 256-bit vectors (the constructor refuses): the scalar kernel gives the same bits
          return ScalarGram.INSTANCE;
        }
      }
      return ScalarGram.INSTANCE;
    }
  }
}

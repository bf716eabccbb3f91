package io.diffmix.core.linalg;

/**
 * netlib's {@code dsyrk} as a {@link Gram}, taken by {@link Gram#forColumns} when netlib runs native OpenBLAS:
 * 1.0 to 1.15 times numpy's {@code X.T @ X} where the Vector API kernel is 0.75 to 0.9
 * (scripts/gram-vs-numpy.sh).
 *
 * <p>Its bits are OpenBLAS's, not the fused chain the other kernels share, so provenance records the backend
 * ({@link Gram#describe}). They are still independent of the thread count: the callers split rows into fixed
 * blocks and sum the blocks in order.
 */
final class BlasGram implements Gram {
  static final BlasGram INSTANCE = new BlasGram();

  private BlasGram() {}

  /**
   * The rows are a p × m column-major matrix with leading dimension ld, and "L" (the lower triangle) in column-major
   * is the upper triangle in row-major. β = 1 adds into g, as the interface promises; on a zero g it gives the
   * same bits as β = 0.
   */
  @Override
  public void accumulateUpper(double[] x, int xOff, int m, int p, int ld, double[] g) {
    BlasBackend.blas().dsyrk("L", "N", p, m, 1.0, x, xOff, ld, 1.0, g, 0, p);
  }

  @Override
  public String name() {
    return "BLAS dsyrk (" + BlasBackend.name() + ")";
  }
}

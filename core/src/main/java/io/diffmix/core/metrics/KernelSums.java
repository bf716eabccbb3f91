package io.diffmix.core.metrics;

/**
 * Sums of the RBF kernel exp(−γ|a_i − b_j|²), or of the distance |a_i − b_j|, over a range of j: the inner
 * loop of the kernel metrics (MMD, energy).
 *
 * <p>The points b are given by columns (b[c][j] is coordinate c of point j) so that the loop over j streams
 * through memory. Two implementations: the Vector API's, which evaluates exp four lanes at a time with
 * {@link ExactExp}, when the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher and the tests
 * do); a scalar one with Math.exp otherwise. Each gives the same bits in every JVM, interpreted or compiled; they
 * differ from each other in the last bits, so provenance records which ran.
 */
public interface KernelSums {

  /** Σ_{j in [from, to)} exp(−γ|a − b_j|²) for the point a = {@code a[offset .. offset+d)}. */
  double rowSum(double[] a, int offset, double[][] bCols, int from, int to, double gamma);

  /** Σ_{j in [from, to)} |a − b_j|, the energy distance's kernel. */
  double distanceSum(double[] a, int offset, double[][] bCols, int from, int to);

  /** What ran, for provenance. */
  String name();

  /** The fastest implementation this JVM offers. */
  static KernelSums best() {
    return Holder.BEST;
  }

  /** The columns of a sample: cols[c][i] = s[i][c]. */
  static double[][] columns(double[] data, int rows, int dim) {
    double[][] cols = new double[dim][rows];
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < dim; c++) {
        cols[c][i] = data[i * dim + c];
      }
    }
    return cols;
  }

  /** Chooses once, lazily: the Vector API's implementation when its module is in the boot layer. */
  final class Holder {
    static final KernelSums BEST = choose();

    private Holder() {}

    private static KernelSums choose() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
        try {
          return (KernelSums) Class.forName("io.diffmix.core.metrics.VectorKernelSums")
              .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
          return new ScalarKernelSums();
        }
      }
      return new ScalarKernelSums();
    }
  }
}

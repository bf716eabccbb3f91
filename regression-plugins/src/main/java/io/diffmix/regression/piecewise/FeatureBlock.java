package io.diffmix.regression.piecewise;

/**
 * Rows of a cell's design matrix beside their targets, [Φ Z]: for member i of cell j, the Hermite features
 * h_a((y_i − μ̂_j)/s) followed by the n entries of the regression target z_i. One per thread, reused across
 * Gram tasks and levels, since the block is the largest buffer of a fit after the level's points.
 *
 * <p>The features come from the basis's batch form, {@link LevelPolynomials#BLOCK} rows at a time, so each step
 * runs across rows; the values are the per-point ones to the bit.
 */
final class FeatureBlock {
  private static final ThreadLocal<FeatureBlock> PER_THREAD = ThreadLocal.withInitial(FeatureBlock::new);

  /** The rows, row-major with leading dimension {@link #ld}: columns [0, p) features, [p, p + n) targets. */
  double[] rows = new double[0];
  int ld;
  /** Coordinate-major centred points, univariate values and features of up to BLOCK rows. */
  private double[] zs = new double[0];
  private double[] unis = new double[0];
  private double[] phis = new double[0];

  private FeatureBlock() {}

  /** This thread's block. */
  static FeatureBlock get() {
    return PER_THREAD.get();
  }

  /**
   * Fills rows [0, m) with the members {@code members[first .. first + m)} of the cell around {@code centre}.
   * Rows are padded to whole vectors: the padding is never read into the Gram, and aligned rows load faster.
   */
  FeatureBlock fill(HermiteBasis basis, int[] members, int first, int m, double[] centre, NoisyLevel level) {
    int n = level.n;
    int p = basis.size();
    ensure(m, n, basis);
    int stride = LevelPolynomials.BLOCK;
    // locals, not fields, in the loops: a new JVM runs them interpreted and in C1 first, which reload fields
    double[] y = level.y;
    double[] z = level.z;
    double invS = level.invS;
    double[] zs = this.zs;
    double[] rows = this.rows;
    int ld = this.ld;
    for (int r0 = 0; r0 < m; r0 += stride) {
      int mb = Math.min(stride, m - r0);
      for (int c = 0; c < n; c++) {
        for (int k = 0; k < mb; k++) {
          zs[c * stride + k] = (y[members[first + r0 + k] * n + c] - centre[c]) * invS;
        }
      }
      basis.evaluate(zs, mb, stride, unis, phis);
      for (int k = 0; k < mb; k++) {
        int row = (r0 + k) * ld;
        for (int f = 0; f < p; f++) {
          rows[row + f] = phis[f * stride + k];
        }
        System.arraycopy(z, members[first + r0 + k] * n, rows, row + p, n);
      }
    }
    return this;
  }

  private void ensure(int m, int n, HermiteBasis basis) {
    int stride = LevelPolynomials.BLOCK;
    ld = (basis.size() + n + 3) & ~3;
    if (rows.length < m * ld) {
      rows = new double[m * ld];
    }
    if (zs.length < n * stride) {
      zs = new double[n * stride];
    }
    if (unis.length < basis.scratchSize() * stride) {
      unis = new double[basis.scratchSize() * stride];
    }
    if (phis.length < basis.size() * stride) {
      phis = new double[basis.size() * stride];
    }
  }
}

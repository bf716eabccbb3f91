package io.diffmix.regression;

/**
 * One fitted level ℓ: the Voronoi cells of the warm starts C_ℓ, and in each cell j the polynomial
 * ĝ_ℓ(y) = Σ_k b_k^{(j)} h_k((y − μ̂_j)/s_ℓ), clipped onto the ball B_D(0) (Algorithm 1, step 4).
 *
 * <p>ĝ estimates the posterior mean E[μ | y] at VE time t; the score is (ĝ(y) − y)/s² with s² = σ0² + t.
 */
final class LevelPolynomials {
  final double tVe;
  final double s;
  /** 1/s: the fit scales by it too, so both see the same z to the bit. */
  private final double invS;
  final int n;
  final double[] centers;
  final int[] degrees;
  final double[][] coefficients;
  private final HermiteBasis[] bases;
  final double clip;

  /**
   * @param centers the warm starts μ̂_j, cells × n
   * @param degrees each cell's polynomial degree
   * @param coefficients each cell's p_j × n coefficients, row-major
   * @param clip the radius D of the ball the posterior mean is projected onto
   */
  LevelPolynomials(double tVe, double s, int n, double[] centers, int[] degrees, double[][] coefficients,
      double clip) {
    this.tVe = tVe;
    this.s = s;
    this.invS = 1 / s;
    this.n = n;
    this.centers = centers;
    this.degrees = degrees;
    this.coefficients = coefficients;
    this.clip = clip;
    int maxDegree = 0;
    for (int d : degrees) {
      maxDegree = Math.max(maxDegree, d);
    }
    this.bases = new HermiteBasis[maxDegree + 1];
    for (int d = 0; d <= maxDegree; d++) {
      bases[d] = HermiteBasis.of(n, d);
    }
  }

  int cells() {
    return degrees.length;
  }

  int maxDegree() {
    return bases.length - 1;
  }

  /** The nearest warm start to y (its Voronoi cell); ties go to the lower index. */
  static int nearest(double[] centers, int n, double[] y, int yOff) {
    int best = 0;
    double bestD2 = Double.POSITIVE_INFINITY;
    int cells = centers.length / n;
    for (int j = 0; j < cells; j++) {
      double d2 = 0;
      for (int c = 0; c < n; c++) {
        double diff = y[yOff + c] - centers[j * n + c];
        d2 += diff * diff;
      }
      if (d2 < bestD2) {
        bestD2 = d2;
        best = j;
      }
    }
    return best;
  }

  /** Scratch for {@link #posteriorMean}. */
  Scratch scratch() {
    return new Scratch(n, bases[bases.length - 1]);
  }

  static final class Scratch {
    final double[] z;
    final double[] uni;
    final double[] phi;

    Scratch(int n, HermiteBasis widest) {
      z = new double[n];
      uni = widest.scratch();
      phi = new double[widest.size()];
    }
  }

  /** Writes ĝ(y) into {@code out[outOff .. outOff+n)}, clipped onto B_D(0). */
  void posteriorMean(double[] y, int yOff, double[] out, int outOff, Scratch w) {
    int j = nearest(centers, n, y, yOff);
    HermiteBasis basis = bases[degrees[j]];
    for (int c = 0; c < n; c++) {
      w.z[c] = (y[yOff + c] - centers[j * n + c]) * invS;
    }
    basis.evaluate(w.z, 0, w.uni, w.phi, 0);
    double[] b = coefficients[j];
    int p = basis.size();
    double norm2 = 0;
    for (int c = 0; c < n; c++) {
      double v = 0;
      for (int a = 0; a < p; a++) {
        v += w.phi[a] * b[a * n + c];
      }
      out[outOff + c] = v;
      norm2 += v * v;
    }
    // the paper's constraint: the posterior mean of μ lies in B_D(0)
    if (norm2 > clip * clip) {
      double f = clip / Math.sqrt(norm2);
      for (int c = 0; c < n; c++) {
        out[outOff + c] *= f;
      }
    }
  }
}

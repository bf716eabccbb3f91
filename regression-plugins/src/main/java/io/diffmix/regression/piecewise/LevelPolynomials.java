package io.diffmix.regression.piecewise;

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
  final double[] centres;
  final int[] degrees;
  final double[][] coefficients;
  private final HermiteBasis[] bases;
  final double clip;
  /**
   * b: the width h = b·s of the blend across the cell boundaries ({@link SoftCells}); 0 for the paper's hard
   * Voronoi cells, as every level is fitted.
   */
  final double blend;

  /**
   * @param centres the warm starts μ̂_j, cells × n, at least one
   * @param degrees each cell's polynomial degree
   * @param coefficients each cell's p_j × n coefficients, row-major
   * @param clip the radius D of the ball the posterior mean is projected onto
   */
  LevelPolynomials(double tVe, double s, double[] centres, int[] degrees, double[][] coefficients, double clip) {
    this.tVe = tVe;
    this.s = s;
    this.invS = 1 / s;
    this.n = centres.length / degrees.length;
    this.centres = centres;
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
    this.blend = 0;
  }

  /** The same level with the boundary blend b. */
  private LevelPolynomials(LevelPolynomials level, double blend) {
    this.tVe = level.tVe;
    this.s = level.s;
    this.invS = level.invS;
    this.n = level.n;
    this.centres = level.centres;
    this.degrees = level.degrees;
    this.coefficients = level.coefficients;
    this.bases = level.bases;
    this.clip = level.clip;
    this.blend = blend;
  }

  /** This level, its cells blended across their boundaries with width b·s (b = 0: hard cells). */
  LevelPolynomials withBlend(double b) {
    return new LevelPolynomials(this, b);
  }

  /** Whether ĝ is continuous in y: one cell, or cells blended across their boundaries. */
  boolean continuous() {
    return cells() == 1 || blend > 0;
  }

  private boolean soft() {
    return blend > 0 && cells() > 1;
  }

  /** The same posterior mean, answered at another level's time (see {@link VarianceReduction#FREEZE}). */
  LevelPolynomials at(double otherTVe) {
    return new LevelPolynomials(otherTVe, s, centres, degrees, coefficients, clip).withBlend(blend);
  }

  int cells() {
    return degrees.length;
  }

  int maxDegree() {
    return bases.length - 1;
  }

  /** Rows per block of {@link #posteriorMeans}: a block's features stay in the first two cache levels. */
  static final int BLOCK = 128;

  /**
   * The factor that projects a point of squared norm {@code norm2} onto B_D(0): D/|ĝ| outside, exactly 1 inside.
   * While D² is a normal double (2⁻⁵¹¹ ≤ D < 2⁵¹², far beyond any data's radius), norm2 ≤ fl(D²) gives
   * √norm2 ≤ D after rounding, so D/√norm2 ≥ 1, and the bits are those of "multiply by D/|ĝ| when norm2 > D²"
   * (LevelPolynomialsTest compares them). A NaN norm2 gives NaN. The floor of √norm2 keeps 0/0 out when D = 0
   * (all training points at 0). Without a branch: the fit's refreshes rarely clip while sampling does, and a
   * branch the profile never saw taken sends the compiled sampler back to the interpreter on its first clip.
   */
  private double clipFactor(double norm2) {
    return Math.min(1, clip / Math.max(Math.sqrt(norm2), Double.MIN_VALUE));
  }

  /** Scratch for {@link #posteriorMeans} on this level. */
  Batch batch() {
    return new Batch(n, maxDegree(), cells());
  }

  /**
   * Scratch for {@link #posteriorMeans}, for levels of n variables, degree ≤ {@code maxDegree} and at most
   * {@code maxCells} cells. Arrays are coordinate- or feature-major, {@link #BLOCK} entries a row.
   */
  static final class Batch {
    final NearestWarmStart nearest = new NearestWarmStart();
    final int[] order = new int[BLOCK];
    final int[] start;
    final int[] cursor;
    final double[] z;
    final double[] uni;
    final double[] phi;
    final double[] v;
    /** A cell's Jacobian traces, before the clip. */
    final double[] trace = new double[BLOCK];
    private final int maxCells;
    private SoftCells soft;
    /** Per row of a blended block: Σ_j g_j (μ̂_j − μ̄)·ĝ_j, and Σ_j g_j (μ̂_j − μ̄) (n a row). */
    private double[] shiftDot;
    private double[] shift;

    Batch(int n, int maxDegree, int maxCells) {
      start = new int[maxCells + 1];
      cursor = new int[maxCells];
      z = new double[n * BLOCK];
      uni = new double[n * (maxDegree + 1) * BLOCK];
      phi = new double[HermiteBasis.size(n, maxDegree) * BLOCK];
      v = new double[n * BLOCK];
      this.maxCells = maxCells;
    }

    /** The blend's scratch, made on the first blended block. */
    SoftCells soft(int n) {
      if (soft == null) {
        soft = new SoftCells(maxCells, n);
        shiftDot = new double[BLOCK];
        shift = new double[n * BLOCK];
      }
      return soft;
    }
  }

  /**
   * ĝ(y) = Σ_k b_k^{(j)} h_k((y − μ̂_j)/s_ℓ) in y's cell j, clipped onto B_D(0), for rows [0, rows) of y
   * (row-major, n a row) into out, in the same layout. A block of rows is sorted by cell, and each cell's rows go
   * through the basis and the coefficients together, so every loop runs across rows: the sampler's hot path,
   * where one point at a time spent most of its time on the dependent loads of a short feature chain. Each
   * value is the same sum in the same order as the per-point formula (LevelPolynomialsTest).
   */
  void posteriorMeans(double[] y, int rows, double[] out, Batch w) {
    for (int from = 0; from < rows; from += BLOCK) {
      if (soft()) {
        blended(y, from, Math.min(rows, from + BLOCK), out, null, w);
        continue;
      }
      sortByCell(y, from, Math.min(rows, from + BLOCK), w);
      for (int j = 0; j < cells(); j++) {
        if (w.start[j + 1] > w.start[j]) {
          cellMeans(j, w.start[j], w.start[j + 1] - w.start[j], y, out, w);
        }
      }
    }
  }

  /**
   * The Voronoi cells of rows [from, to) of y, at most {@link #BLOCK}, by a counting sort: cell j's rows, in
   * row order, at w.order[w.start[j] .. w.start[j + 1]).
   */
  private void sortByCell(double[] y, int from, int to, Batch w) {
    int cells = cells();
    int[] cell = w.nearest.assign(centres, n, y, from, to - from);
    java.util.Arrays.fill(w.start, 0, cells + 1, 0);
    for (int i = from; i < to; i++) {
      w.start[cell[i - from] + 1]++;
    }
    for (int j = 0; j < cells; j++) {
      w.start[j + 1] += w.start[j];
      w.cursor[j] = w.start[j];
    }
    for (int i = from; i < to; i++) {
      w.order[w.cursor[cell[i - from]]++] = i;
    }
  }

  /** |v|² of entry k of the polynomial values in w.v, summed over the coordinates in order. */
  private double norm2(int k, Batch w) {
    double norm2 = 0;
    for (int c = 0; c < n; c++) {
      double vc = w.v[c * BLOCK + k];
      norm2 += vc * vc;
    }
    return norm2;
  }

  /** ĝ for the m rows {@code order[first ..]} of cell j. */
  private void cellMeans(int j, int first, int m, double[] y, double[] out, Batch w) {
    unclipped(j, w.order, first, m, y, w);
    for (int k = 0; k < m; k++) {
      double norm2 = norm2(k, w);
      double f = clipFactor(norm2);
      int o = w.order[first + k] * n;
      for (int c = 0; c < n; c++) {
        out[o + c] = w.v[c * BLOCK + k] * f;
      }
    }
  }

  /** The polynomial v = Σ_a b_a h_a(z) before the clip, for the m rows {@code order[first ..]} of cell j, in w.v. */
  private void unclipped(int j, int[] order, int first, int m, double[] y, Batch w) {
    HermiteBasis basis = bases[degrees[j]];
    int p = basis.size();
    for (int c = 0; c < n; c++) {
      double mu = centres[j * n + c];
      int zo = c * BLOCK;
      for (int k = 0; k < m; k++) {
        w.z[zo + k] = (y[order[first + k] * n + c] - mu) * invS;
      }
    }
    basis.evaluate(w.z, m, BLOCK, w.uni, w.phi);
    double[] b = coefficients[j];
    for (int c = 0; c < n; c++) {
      int vo = c * BLOCK;
      java.util.Arrays.fill(w.v, vo, vo + m, 0);
      for (int a = 0; a < p; a++) {
        double bac = b[a * n + c];
        int po = a * BLOCK;
        for (int k = 0; k < m; k++) {
          w.v[vo + k] += w.phi[po + k] * bac;
        }
      }
    }
  }

  /**
   * Each cell's divergence polynomial, T^{(j)} with tr J_v(y) = (1/s) Σ_β T_β h_β(z) ({@link
   * HermiteBasis#divergence}), built on the first trace: a fit never asks for one.
   */
  private volatile double[][] divergences;

  private double[][] divergences() {
    double[][] d = divergences;
    if (d == null) {
      d = new double[cells()][];
      for (int j = 0; j < cells(); j++) {
        d[j] = bases[degrees[j]].divergence(coefficients[j]);
      }
      divergences = d;
    }
    return d;
  }

  /**
   * {@link #posteriorMeans}, the same bits, and the trace of ĝ's Jacobian in y at each row into
   * {@code trace[0 .. rows)}. In the cell, J_v = (1/s) Σ_a b_a ∇h_a(z)ᵀ, whose trace is the cell's divergence
   * polynomial at z: one more dot product over the features the mean already evaluated. Where the clip is
   * active, ĝ = D v/|v| has Jacobian (D/|v|)(I − v̂v̂ᵀ)J_v, whose trace is (D/|v|)(tr J_v − v̂ᵀJ_v v̂). Across a
   * cell boundary ĝ jumps, and the trace is that of the row's own cell.
   */
  void posteriorMeansAndTraces(double[] y, int rows, double[] out, double[] trace, Batch w) {
    double[][] div = divergences();
    for (int from = 0; from < rows; from += BLOCK) {
      if (soft()) {
        blended(y, from, Math.min(rows, from + BLOCK), out, trace, w);
        continue;
      }
      sortByCell(y, from, Math.min(rows, from + BLOCK), w);
      for (int j = 0; j < cells(); j++) {
        int first = w.start[j];
        int m = w.start[j + 1] - first;
        if (m > 0) {
          cellMeans(j, first, m, y, out, w);
          cellTraces(j, div[j], m, w);
          for (int k = 0; k < m; k++) {
            trace[w.order[first + k]] = w.trace[k];
          }
        }
      }
    }
  }

  /**
   * The Jacobian traces of a cell's m rows into w.trace[0 .. m), after their polynomial left its features and v
   * in w.
   */
  private void cellTraces(int j, double[] div, int m, Batch w) {
    double[] acc = w.trace;
    java.util.Arrays.fill(acc, 0, m, 0);
    for (int a = 0; a < div.length; a++) {
      double ta = div[a];
      if (ta != 0) {
        int po = a * BLOCK;
        for (int k = 0; k < m; k++) {
          acc[k] += w.phi[po + k] * ta;
        }
      }
    }
    for (int k = 0; k < m; k++) {
      double norm2 = norm2(k, w);
      double tr = acc[k] * invS;
      double f = clipFactor(norm2);
      if (f < 1) {
        double quad = bases[degrees[j]].jacobianQuadratic(coefficients[j], w.phi, w.v, BLOCK, k) * invS;
        tr = f * (tr - quad / norm2);
      }
      acc[k] = tr;
    }
  }

  /**
   * The blended posterior mean ĝ = Σ_j w_j ĝ_j of rows [from, to) of y, each ĝ_j its cell's clipped polynomial,
   * and with {@code trace} its Jacobian's trace. The softmax has ∇ŵ_j = ŵ_j (μ̂_j − μ̄)/h² with μ̄ = Σ_i ŵ_i μ̂_i;
   * the taper and the renormalisation w_j = ρ(ŵ_j)/W make ∇w_j = ∇ρ_j/W − w_j Σ_i ∇ρ_i/W, so the trace is
   * Σ_j w_j tr J_j + Σ_j g_j (μ̂_j − μ̄)·(ĝ_j − ĝ), g_j = ρ'(ŵ_j) ŵ_j/(W h²) ({@link SoftCells#gradients}); a row
   * with one cell has w = 1 and no second sum.
   */
  private void blended(double[] y, int from, int to, double[] out, double[] trace, Batch w) {
    double h2 = blend * s * blend * s;
    SoftCells soft = w.soft(n);
    soft.assign(centres, n, y, from, to - from, h2);
    java.util.Arrays.fill(out, from * n, to * n, 0);
    if (trace != null) {
      java.util.Arrays.fill(trace, from, to, 0);
      java.util.Arrays.fill(w.shiftDot, 0, to - from, 0);
      java.util.Arrays.fill(w.shift, 0, (to - from) * n, 0);
    }
    double[][] div = trace == null ? null : divergences();
    for (int j = 0; j < cells(); j++) {
      int first = soft.start[j];
      int m = soft.start[j + 1] - first;
      if (m == 0) {
        continue;
      }
      unclipped(j, soft.rows, first, m, y, w);
      if (trace != null) {
        cellTraces(j, div[j], m, w);
      }
      for (int k = 0; k < m; k++) {
        double norm2 = norm2(k, w);
        double f = clipFactor(norm2);
        int row = soft.rows[first + k];
        double wk = soft.weights[first + k];
        for (int c = 0; c < n; c++) {
          out[row * n + c] += wk * (w.v[c * BLOCK + k] * f);
        }
        if (trace != null) {
          trace[row] += wk * w.trace[k];
          shiftTerms(j, k, row - from, f, soft, w);
        }
      }
    }
    if (trace != null) {
      for (int r = 0; r < to - from; r++) {
        if (soft.count[r] > 1) {
          double dot = 0;
          for (int c = 0; c < n; c++) {
            dot += w.shift[r * n + c] * out[(from + r) * n + c];
          }
          trace[from + r] += w.shiftDot[r] - dot;
        }
      }
    }
  }

  /**
   * Adds entry k's g_j (μ̂_j − μ̄)·ĝ_j and g_j (μ̂_j − μ̄) to its row's sums, g_j its gradient factor; ĝ_j = f·v is in
   * w.v, and the entry's row is row r of the block.
   */
  private void shiftTerms(int j, int k, int r, double f, SoftCells soft, Batch w) {
    double g = soft.gradients[soft.start[j] + k];
    double dot = 0;
    for (int c = 0; c < n; c++) {
      double d = centres[j * n + c] - soft.meanCentre[r * n + c];
      dot += d * (w.v[c * BLOCK + k] * f);
      w.shift[r * n + c] += g * d;
    }
    w.shiftDot[r] += g * dot;
  }
}

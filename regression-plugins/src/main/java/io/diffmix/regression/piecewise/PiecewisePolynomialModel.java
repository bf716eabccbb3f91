package io.diffmix.regression.piecewise;

import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.spi.PersistentModel;
import io.diffmix.regression.Payloads;
import io.diffmix.regression.TauInterpolation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The learned score at any time: the posterior mean ĝ is interpolated linearly in the VP time
 * τ = ½ ln(t + 1) between the two nearest fitted levels, held beyond the ends, and the score is derived from it,
 * (ĝ(y) − y)/(σ0² + t) (README, "Plugins and their parameters"). Another schedule is served through
 * y = x/α.
 *
 * <p>Its divergence is exact: ∇·ŝ_VE = (∇·ĝ − n)/(σ0² + t), with ∇·ĝ interpolated in τ like ĝ. With hard cells
 * (boundary_blend 0, the paper's) ĝ jumps across the boundaries of the Voronoi cells, and the flow's Jacobian
 * with it; that singular part of the divergence is not in it (see the README on {@code model-likelihood}). With
 * a blend, ĝ is continuous across them and the divergence includes the weights' gradient ({@link SoftCells}).
 */
public final class PiecewisePolynomialModel implements ScoreDivergence, PersistentModel {
  /** The payload's own format version, inside the model file's: 2 adds each level's boundary blend. */
  static final int PAYLOAD_VERSION = 2;

  private final LevelPolynomials[] levels;
  private final TauInterpolation tau;
  private final double sigma0;
  private final int n;
  /** The largest degree and cell count over the levels: what a batch's scratch must hold. */
  private final int maxDegree;
  private final int maxCells;

  /** @param levels fitted levels in increasing VE time */
  PiecewisePolynomialModel(LevelPolynomials[] levels, double sigma0) {
    this.levels = levels;
    this.sigma0 = sigma0;
    this.n = levels[0].n;
    double[] t = new double[levels.length];
    for (int k = 0; k < levels.length; k++) {
      t[k] = levels[k].tVe;
    }
    this.tau = new TauInterpolation(t);
    int degree = 0;
    int cells = 0;
    for (LevelPolynomials l : levels) {
      degree = Math.max(degree, l.maxDegree());
      cells = Math.max(cells, l.cells());
    }
    this.maxDegree = degree;
    this.maxCells = cells;
  }

  @Override
  public int dim() {
    return n;
  }

  LevelPolynomials[] levels() {
    return levels;
  }

  /**
   * Per-thread scratch of {@link #score}: a block of y and of both levels' ĝ, and the levels' batch. One per
   * thread for every model, grown to the largest model seen, so that many models in one JVM (a comparison)
   * do not each keep their own.
   */
  private static final class Scratch {
    final int n;
    final int maxDegree;
    final int maxCells;
    final double[] y;
    final double[] ga;
    final double[] gb;
    final LevelPolynomials.Batch batch;

    Scratch(int n, int maxDegree, int maxCells) {
      this.n = n;
      this.maxDegree = maxDegree;
      this.maxCells = maxCells;
      y = new double[n * LevelPolynomials.BLOCK];
      ga = new double[n * LevelPolynomials.BLOCK];
      gb = new double[n * LevelPolynomials.BLOCK];
      batch = new LevelPolynomials.Batch(n, maxDegree, maxCells);
    }

    boolean fits(int n, int maxDegree, int maxCells) {
      return this.n == n && this.maxDegree >= maxDegree && this.maxCells >= maxCells;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

  /** This thread's scratch, replaced by a larger one when this model needs more. */
  private Scratch scratch() {
    Scratch s = SCRATCH.get();
    if (s == null || !s.fits(n, maxDegree, maxCells)) {
      boolean grow = s != null && s.n == n;
      s = new Scratch(n, grow ? Math.max(maxDegree, s.maxDegree) : maxDegree,
          grow ? Math.max(maxCells, s.maxCells) : maxCells);
      SCRATCH.set(s);
    }
    return s;
  }

  /**
   * The two levels around VE time t and the weight of the upper one, and what turns their ĝ into the score:
   * ŝ(x) = ((1 − w)ĝ_a(y) + w ĝ_b(y) − y)/s² · (1/α) at y = x/α, s² = σ0² + t.
   */
  private final class Blend {
    final LevelPolynomials a;
    final LevelPolynomials b;
    final double w;
    final double s2;
    final double inv;

    Blend(double tVe, double alpha) {
      TauInterpolation.Bracket br = tau.at(tVe);
      a = levels[br.lo()];
      b = levels[br.hi()];
      w = br.weight();
      s2 = sigma0 * sigma0 + tVe;
      inv = 1 / alpha;
    }

    /** y = x/α for the rows of x from entry {@code base}, {@code len} entries, into sc.y. */
    void scale(double[] x, int base, int len, Scratch sc) {
      double[] y = sc.y;
      double inv = this.inv;
      for (int q = 0; q < len; q++) {
        y[q] = x[base + q] * inv;
      }
    }

    /** The score from sc.ga (and sc.gb when w > 0) into out from entry {@code base}. */
    void score(Scratch sc, int base, int len, double[] out) {
      double w = this.w;
      double s2 = this.s2;
      double inv = this.inv;
      double[] ga = sc.ga;
      double[] gb = sc.gb;
      double[] y = sc.y;
      if (w > 0) {
        for (int q = 0; q < len; q++) {
          out[base + q] = ((1 - w) * ga[q] + w * gb[q] - y[q]) / s2 * inv;
        }
      } else {
        for (int q = 0; q < len; q++) {
          out[base + q] = (ga[q] - y[q]) / s2 * inv;
        }
      }
    }

    /** ∇·ŝ = ((1 − w) tr J_a + w tr J_b − n)/s² · (1/α²) from the traces, into div[first ..]. */
    void divergence(DivergenceScratch ds, int first, int rows, double[] div) {
      if (w > 0) {
        for (int i = 0; i < rows; i++) {
          div[first + i] = ((1 - w) * ds.ta[i] + w * ds.tb[i] - n) / s2 * inv * inv;
        }
      } else {
        for (int i = 0; i < rows; i++) {
          div[first + i] = (ds.ta[i] - n) / s2 * inv * inv;
        }
      }
    }
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    Blend blend = new Blend(tVe, alpha);
    Scratch sc = scratch();
    for (int block = from; block < to; block += LevelPolynomials.BLOCK) {
      int rows = Math.min(to - block, LevelPolynomials.BLOCK);
      blend.scale(x, block * n, rows * n, sc);
      blend.a.posteriorMeans(sc.y, rows, sc.ga, sc.batch);
      if (blend.w > 0) {
        blend.b.posteriorMeans(sc.y, rows, sc.gb, sc.batch);
      }
      blend.score(sc, block * n, rows * n, out);
    }
  }

  /** Per-thread scratch of {@link #scoreAndDivergence} beyond {@link Scratch}: both levels' traces. */
  private static final class DivergenceScratch {
    final double[] ta = new double[LevelPolynomials.BLOCK];
    final double[] tb = new double[LevelPolynomials.BLOCK];
  }

  private static final ThreadLocal<DivergenceScratch> DIVERGENCE_SCRATCH =
      ThreadLocal.withInitial(DivergenceScratch::new);

  /** The fitted levels: between them the score is interpolated linearly in τ, so it has a kink in time at each. */
  @Override
  public double[] timeKnots() {
    double[] t = new double[levels.length];
    for (int k = 0; k < levels.length; k++) {
      t[k] = levels[k].tVe;
    }
    return t;
  }

  /**
   * ĝ jumps across the Voronoi boundaries of a level's hard cells: continuous only when every level has one cell
   * or blends its cells across their boundaries.
   */
  @Override
  public boolean continuousInSpace() {
    for (LevelPolynomials l : levels) {
      if (!l.continuous()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void scoreAndDivergence(double tVe, double alpha, double[] x, int count, double[] out, double[] div) {
    Blend blend = new Blend(tVe, alpha);
    Scratch sc = scratch();
    DivergenceScratch ds = DIVERGENCE_SCRATCH.get();
    for (int block = 0; block < count; block += LevelPolynomials.BLOCK) {
      int rows = Math.min(count - block, LevelPolynomials.BLOCK);
      blend.scale(x, block * n, rows * n, sc);
      blend.a.posteriorMeansAndTraces(sc.y, rows, sc.ga, ds.ta, sc.batch);
      if (blend.w > 0) {
        blend.b.posteriorMeansAndTraces(sc.y, rows, sc.gb, ds.tb, sc.batch);
      }
      blend.score(sc, block * n, rows * n, out);
      blend.divergence(ds, block, rows, div);
    }
  }

  /** Every level's warm starts, degrees and coefficients, as doubles bit for bit. */
  @Override
  public void writePayload(DataOutputStream out) throws IOException {
    out.writeInt(PAYLOAD_VERSION);
    out.writeDouble(sigma0);
    out.writeInt(n);
    out.writeInt(levels.length);
    for (LevelPolynomials l : levels) {
      out.writeDouble(l.tVe);
      out.writeDouble(l.s);
      out.writeDouble(l.clip);
      out.writeDouble(l.blend);
      out.writeInt(l.cells());
      Payloads.writeDoubles(out, l.centres);
      for (int j = 0; j < l.cells(); j++) {
        out.writeInt(l.degrees[j]);
        out.writeInt(l.coefficients[j].length);
        Payloads.writeDoubles(out, l.coefficients[j]);
      }
    }
  }

  /** The inverse of {@link #writePayload}. */
  static PiecewisePolynomialModel readPayload(DataInputStream in) throws IOException {
    int version = in.readInt();
    if (version != 1 && version != PAYLOAD_VERSION) {
      throw new IOException("piecewise-polynomial payload version " + version + "; valid: 1 or " + PAYLOAD_VERSION);
    }
    double sigma0 = in.readDouble();
    int n = in.readInt();
    if (n < 1) {
      throw new IOException("dimension " + n + "; valid: at least 1");
    }
    int count = Payloads.readCount(in, 28, "levels");
    LevelPolynomials[] levels = new LevelPolynomials[count];
    for (int k = 0; k < count; k++) {
      levels[k] = readLevel(in, n, k, version);
    }
    return new PiecewisePolynomialModel(levels, sigma0);
  }

  /** One level; a version-1 payload has hard cells. */
  private static LevelPolynomials readLevel(DataInputStream in, int n, int k, int version) throws IOException {
    double tVe = in.readDouble();
    double s = in.readDouble();
    double clip = in.readDouble();
    double blend = version == 1 ? 0 : in.readDouble();
    if (!(blend >= 0) || Double.isInfinite(blend)) {
      throw new IOException("level " + k + " has boundary blend " + blend + "; valid: a finite number >= 0");
    }
    int cells = in.readInt();
    if (cells < 1) {
      throw new IOException("level " + k + " has " + cells + " cells; valid: at least 1");
    }
    double[] centres = Payloads.readDoubles(in, (long) cells * n);
    int[] degrees = new int[cells];
    double[][] coef = new double[cells][];
    for (int j = 0; j < cells; j++) {
      degrees[j] = in.readInt();
      int len = in.readInt();
      if (degrees[j] < 0 || degrees[j] > 64 || len != (long) HermiteBasis.size(n, degrees[j]) * n) {
        throw new IOException("cell " + j + " of level " + k + " has " + len + " coefficients for degree "
            + degrees[j]);
      }
      coef[j] = Payloads.readDoubles(in, len);
    }
    return new LevelPolynomials(tVe, s, centres, degrees, coef, clip).withBlend(blend);
  }
}

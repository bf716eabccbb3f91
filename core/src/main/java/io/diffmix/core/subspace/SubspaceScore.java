package io.diffmix.core.subspace;

import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A score learned in the span of the means, completed in closed form outside it (docs/high-dimensions.md §1).
 *
 * <p>With d = x − α x̄ and w = Uᵀd, the density factorises into the span's and the complement's, the complement's
 * being N(0, α²(σ0² + t_VE)) in each of its n − r directions. So
 * <pre>  ŝ(x) = U ŝ_r(w) − (d − U w) / (α²(σ0² + t_VE))</pre>
 * where ŝ_r is the inner model, fitted on the rows' coordinates Uᵀ(x0 − x̄) in r dimensions, and σ0² is the
 * span's {@link MeanSpan#complementVariance}. Its divergence is the inner one minus (n − r)/(α²(σ0² + t_VE)).
 */
public class SubspaceScore implements ScoreModel {
  private final MeanSpan span;
  private final ScoreModel inner;

  SubspaceScore(MeanSpan span, ScoreModel inner) {
    this.span = span;
    this.inner = inner;
  }

  /** The wrapper of {@code inner}, with the divergence when the inner model has one. */
  public static SubspaceScore of(MeanSpan span, ScoreModel inner) {
    if (inner.dim() != span.rank()) {
      throw new IllegalArgumentException("the inner model has dim " + inner.dim() + ", the span rank "
          + span.rank());
    }
    return inner instanceof ScoreDivergence d ? new WithDivergence(span, d) : new SubspaceScore(span, inner);
  }

  public MeanSpan span() {
    return span;
  }

  public ScoreModel inner() {
    return inner;
  }

  @Override
  public int dim() {
    return span.dim();
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    int m = to - from;
    double[] w = new double[m * span.rank()];
    double[] sIn = new double[w.length];
    coordinates(alpha, x, from, m, w);
    inner.score(tVe, alpha, w, 0, m, sIn);
    complete(tVe, alpha, x, from, m, w, sIn, out);
  }

  /** w_i = Uᵀ(x_i − α x̄) for rows [from, from + m). */
  void coordinates(double alpha, double[] x, int from, int m, double[] w) {
    int n = span.dim();
    int r = span.rank();
    double[] u = span.basis();
    double[] mean = span.mean();
    for (int i = 0; i < m; i++) {
      int row = (from + i) * n;
      for (int c = 0; c < r; c++) {
        double v = 0;
        for (int j = 0; j < n; j++) {
          v += u[j * r + c] * (x[row + j] - alpha * mean[j]);
        }
        w[i * r + c] = v;
      }
    }
  }

  /** out_i = U ŝ_r(w_i) − (d_i − U w_i)/(α²(σ0² + t_VE)), into rows [from, from + m) of out. */
  void complete(double tVe, double alpha, double[] x, int from, int m, double[] w, double[] sIn, double[] out) {
    int n = span.dim();
    int r = span.rank();
    double[] u = span.basis();
    double[] mean = span.mean();
    double c = 1 / (alpha * alpha * (span.complementVariance() + tVe));
    for (int i = 0; i < m; i++) {
      int row = (from + i) * n;
      for (int j = 0; j < n; j++) {
        double inSpan = 0;
        double projected = 0;
        for (int k = 0; k < r; k++) {
          inSpan += u[j * r + k] * sIn[i * r + k];
          projected += u[j * r + k] * w[i * r + k];
        }
        double d = x[row + j] - alpha * mean[j];
        out[row + j] = inSpan - (d - projected) * c;
      }
    }
  }

  /** The wrapper of a model with an exact divergence. */
  static final class WithDivergence extends SubspaceScore implements ScoreDivergence {
    private final ScoreDivergence inner;

    WithDivergence(MeanSpan span, ScoreDivergence inner) {
      super(span, inner);
      this.inner = inner;
    }

    @Override
    public void scoreAndDivergence(double tVe, double alpha, double[] x, int rows, double[] out, double[] div) {
      int r = span().rank();
      double[] w = new double[rows * r];
      double[] sIn = new double[w.length];
      coordinates(alpha, x, 0, rows, w);
      inner.scoreAndDivergence(tVe, alpha, w, rows, sIn, div);
      complete(tVe, alpha, x, 0, rows, w, sIn, out);
      double complement = (span().dim() - r) / (alpha * alpha * (span().complementVariance() + tVe));
      for (int i = 0; i < rows; i++) {
        div[i] -= complement;
      }
    }

    @Override
    public double[] timeKnots() {
      return inner.timeKnots();
    }

    @Override
    public boolean continuousInSpace() {
      return inner.continuousInSpace();
    }
  }

  /** The span, for a model file: n, r, x̄, U, the eigenvalues and σ0². The inner model's payload follows it. */
  public void writeSpan(DataOutputStream out) throws IOException {
    out.writeInt(span.dim());
    out.writeInt(span.rank());
    for (double v : span.mean()) {
      out.writeDouble(v);
    }
    for (double v : span.basis()) {
      out.writeDouble(v);
    }
    for (double v : span.eigenvalues()) {
      out.writeDouble(v);
    }
    out.writeDouble(span.complementVariance());
  }

  /** Reads what {@link #writeSpan} wrote; a size beyond the bytes left is an IOException. */
  public static MeanSpan readSpan(DataInputStream in) throws IOException {
    int n = in.readInt();
    int r = in.readInt();
    if (n < 1 || r < 0 || r > n || (long) n * (r + 2) * 8 > in.available()) {
      throw new IOException("subspace of dim " + n + " and rank " + r + " does not fit the payload");
    }
    double[] mean = doubles(in, n);
    double[] basis = doubles(in, n * r);
    double[] eigenvalues = doubles(in, n);
    return new MeanSpan(mean, basis, r, eigenvalues, in.readDouble());
  }

  private static double[] doubles(DataInputStream in, int count) throws IOException {
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }
}

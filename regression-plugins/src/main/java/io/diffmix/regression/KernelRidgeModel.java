package io.diffmix.regression;

import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.PersistentModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The kernel ridge learner's model: per level, the posterior mean f(y) = a + By + Σ_l β_l exp(−|y − z_l|²/(2h²))
 * over Nyström landmarks z_l, clipped onto B_D(0); between levels f is interpolated linearly in τ, and the
 * score is (f(y) − y)/(σ0² + t).
 *
 * <p>Its divergence is exact: ∂f_c/∂y_d = B_dc − Σ_l β_lc k(y, z_l)(y_d − z_ld)/h², and where the clip is
 * active, f ↦ D f/|f| has Jacobian (D/|f|)(I − f̂f̂ᵀ), so tr J = (D/|f|)(tr J_f − f̂ᵀ J_f f̂).
 */
final class KernelRidgeModel implements ScoreDivergence, PersistentModel {
  /** One level: VE time, bandwidth, landmarks (m × n) and coefficients ((1 + n + m) × n). */
  record Level(double tVe, double bandwidth, double[] landmarks, double[] coefficients) {}

  private final Level[] levels;
  private final TauInterpolation tau;
  private final int n;
  private final double sigma0;
  private final double clip;

  /** @param levels in increasing VE time */
  KernelRidgeModel(Level[] levels, int n, double sigma0, double clip) {
    this.levels = levels;
    this.n = n;
    this.sigma0 = sigma0;
    this.clip = clip;
    double[] t = new double[levels.length];
    for (int k = 0; k < levels.length; k++) {
      t[k] = levels[k].tVe();
    }
    this.tau = new TauInterpolation(t);
  }

  @Override
  public int dim() {
    return n;
  }

  /** The features 1, y, k(y, z_l) of a point. */
  static void features(double[] y, int yOff, int n, double[] landmarks, double bandwidth, double[] out) {
    out[0] = 1;
    for (int c = 0; c < n; c++) {
      out[1 + c] = y[yOff + c];
    }
    int m = landmarks.length / n;
    double g = 1 / (2 * bandwidth * bandwidth);
    for (int l = 0; l < m; l++) {
      double d2 = 0;
      for (int c = 0; c < n; c++) {
        double diff = y[yOff + c] - landmarks[l * n + c];
        d2 += diff * diff;
      }
      out[1 + n + l] = Math.exp(-g * d2);
    }
  }

  private void mean(Level level, double[] y, double[] phi, double[] out) {
    features(y, 0, n, level.landmarks(), level.bandwidth(), phi);
    int p = 1 + n + level.landmarks().length / n;
    double norm2 = 0;
    for (int c = 0; c < n; c++) {
      double v = 0;
      for (int a = 0; a < p; a++) {
        v += phi[a] * level.coefficients()[a * n + c];
      }
      out[c] = v;
      norm2 += v * v;
    }
    if (norm2 > clip * clip) {
      double f = clip / Math.sqrt(norm2);
      for (int c = 0; c < n; c++) {
        out[c] *= f;
      }
    }
  }

  /** The two levels around VE time t, the upper one's weight w, and one row's scratch. */
  private final class Blend {
    final Level a;
    final Level b;
    final double w;
    final double s2;
    final double inv;
    final double[] phi;
    final double[] y = new double[n];
    final double[] fa = new double[n];
    final double[] fb = new double[n];

    Blend(double tVe, double alpha) {
      TauInterpolation.Bracket br = tau.at(tVe);
      a = levels[br.lo()];
      b = levels[br.hi()];
      w = br.weight();
      s2 = sigma0 * sigma0 + tVe;
      inv = 1 / alpha;
      phi = new double[1 + n + Math.max(a.landmarks().length, b.landmarks().length) / n];
    }

    /** y = x_i/α. */
    void scale(double[] x, int i) {
      for (int c = 0; c < n; c++) {
        y[c] = x[i * n + c] * inv;
      }
    }

    /** ŝ(x_i) = ((1 − w) f_a + w f_b − y)/s² · (1/α), from fa and fb. */
    void score(double[] out, int i) {
      for (int c = 0; c < n; c++) {
        double f = w > 0 ? (1 - w) * fa[c] + w * fb[c] : fa[c];
        out[i * n + c] = (f - y[c]) / s2 * inv;
      }
    }
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    Blend blend = new Blend(tVe, alpha);
    for (int i = from; i < to; i++) {
      blend.scale(x, i);
      mean(blend.a, blend.y, blend.phi, blend.fa);
      if (blend.w > 0) {
        mean(blend.b, blend.y, blend.phi, blend.fb);
      }
      blend.score(out, i);
    }
  }

  /**
   * The clipped posterior mean of one level into {@code out}, as {@link #mean} computes it, and the trace of its
   * Jacobian in y as the return value; {@code jac} is n × n scratch.
   */
  private double meanAndTrace(Level level, double[] y, double[] phi, double[] out, double[] jac) {
    features(y, 0, n, level.landmarks(), level.bandwidth(), phi);
    double[] b = level.coefficients();
    double[] z = level.landmarks();
    int m = z.length / n;
    int p = 1 + n + m;
    double h2 = level.bandwidth() * level.bandwidth();
    double norm2 = 0;
    for (int c = 0; c < n; c++) {
      double v = 0;
      for (int a = 0; a < p; a++) {
        v += phi[a] * b[a * n + c];
      }
      out[c] = v;
      norm2 += v * v;
    }
    // J_f[c][d] = ∂f_c/∂y_d
    for (int c = 0; c < n; c++) {
      for (int d = 0; d < n; d++) {
        jac[c * n + d] = b[(1 + d) * n + c];
      }
    }
    for (int l = 0; l < m; l++) {
      double kl = phi[1 + n + l] / h2;
      for (int c = 0; c < n; c++) {
        double bc = b[(1 + n + l) * n + c] * kl;
        for (int d = 0; d < n; d++) {
          jac[c * n + d] -= bc * (y[d] - z[l * n + d]);
        }
      }
    }
    double trace = 0;
    for (int c = 0; c < n; c++) {
      trace += jac[c * n + c];
    }
    if (norm2 > clip * clip) {
      double norm = Math.sqrt(norm2);
      double f = clip / norm;
      double quad = 0;
      for (int c = 0; c < n; c++) {
        for (int d = 0; d < n; d++) {
          quad += out[c] * jac[c * n + d] * out[d];
        }
      }
      trace = f * (trace - quad / norm2);
      for (int c = 0; c < n; c++) {
        out[c] *= f;
      }
    }
    return trace;
  }

  /** The fitted levels: between them the score is interpolated linearly in τ, so it has a kink in time at each. */
  @Override
  public double[] timeKnots() {
    double[] t = new double[levels.length];
    for (int k = 0; k < levels.length; k++) {
      t[k] = levels[k].tVe();
    }
    return t;
  }

  @Override
  public void scoreAndDivergence(double tVe, double alpha, double[] x, int count, double[] out, double[] div) {
    Blend blend = new Blend(tVe, alpha);
    double[] jac = new double[n * n];
    for (int i = 0; i < count; i++) {
      blend.scale(x, i);
      double trace = meanAndTrace(blend.a, blend.y, blend.phi, blend.fa, jac);
      if (blend.w > 0) {
        trace = (1 - blend.w) * trace + blend.w * meanAndTrace(blend.b, blend.y, blend.phi, blend.fb, jac);
      }
      blend.score(out, i);
      div[i] = (trace - n) / blend.s2 * blend.inv * blend.inv;
    }
  }

  @Override
  public void writePayload(DataOutputStream out) throws IOException {
    out.writeInt(1);
    out.writeInt(n);
    out.writeDouble(sigma0);
    out.writeDouble(clip);
    out.writeInt(levels.length);
    for (Level l : levels) {
      out.writeDouble(l.tVe());
      out.writeDouble(l.bandwidth());
      out.writeInt(l.landmarks().length);
      Payloads.writeDoubles(out, l.landmarks());
      out.writeInt(l.coefficients().length);
      Payloads.writeDoubles(out, l.coefficients());
    }
  }

  static KernelRidgeModel readPayload(DataInputStream in) throws IOException {
    if (in.readInt() != 1) {
      throw new IOException("kernel-ridge payload version; valid: 1");
    }
    int n = in.readInt();
    double sigma0 = in.readDouble();
    double clip = in.readDouble();
    if (n < 1) {
      throw new IOException("dimension " + n + "; valid: at least 1");
    }
    int count = Payloads.readCount(in, 24, "levels");
    Level[] levels = new Level[count];
    for (int k = 0; k < count; k++) {
      double t = in.readDouble();
      double h = in.readDouble();
      double[] z = Payloads.readDoubles(in, in.readInt());
      int coefficients = in.readInt();
      if (z.length % n != 0 || coefficients != (1L + n + z.length / n) * n) {
        throw new IOException("level " + k + " has inconsistent sizes");
      }
      double[] b = Payloads.readDoubles(in, coefficients);
      levels[k] = new Level(t, h, z, b);
    }
    return new KernelRidgeModel(levels, n, sigma0, clip);
  }
}

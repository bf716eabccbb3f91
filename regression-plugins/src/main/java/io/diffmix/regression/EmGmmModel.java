package io.diffmix.regression;

import io.diffmix.core.score.ClosedFormDensity;
import io.diffmix.core.score.ClosedFormMixture;
import io.diffmix.core.score.ScoreDivergence;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.PersistentModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The closed-form score of a fitted Gaussian mixture Σ_j w_j N(m_j, Σ_j), noised to any time: in VE time t the
 * law is Σ_j w_j N(m_j, Σ_j + t I), whose score is Σ_j π_j(y)·(−(Σ_j + t I)⁻¹(y − m_j)) with log-sum-exp
 * responsibilities. With Σ_j = U Λ Uᵀ computed once, (Σ_j + t I)⁻¹ = U (Λ + t)⁻¹ Uᵀ at every t.
 *
 * <p>Its divergence is closed-form too: with g_j = −P_j(y − m_j), P_j = (Σ_j + t I)⁻¹ and ∇π_j = π_j(g_j − s),
 * ∇·s = −Σ_j π_j tr P_j + Σ_j π_j |g_j|² − |s|²; and so is its log-density, the mixture's own.
 */
final class EmGmmModel implements ScoreModel, ScoreDivergence, ClosedFormDensity, ClosedFormMixture,
    PersistentModel {
  private final int n;
  private final int k;
  private final double[] logWeights;
  private final double[] means;
  /** Eigenvalues λ_{j,a}, k × n. */
  private final double[] lambda;
  /** Eigenvectors, per component n × n row-major: column a is the a-th eigenvector. */
  private final double[][] vectors;

  EmGmmModel(double[] weights, double[] means, double[][] covariances, int n) {
    this.n = n;
    this.k = weights.length;
    this.means = means.clone();
    this.logWeights = new double[k];
    this.lambda = new double[k * n];
    this.vectors = new double[k][n * n];
    for (int j = 0; j < k; j++) {
      logWeights[j] = Math.log(weights[j]);
      RealMatrix c = MatrixUtils.createRealMatrix(n, n);
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          c.setEntry(a, b, covariances[j][a * n + b]);
        }
      }
      EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(c);
      for (int a = 0; a < n; a++) {
        lambda[j * n + a] = Math.max(eig.getEigenvalue(a), 0);
        for (int b = 0; b < n; b++) {
          vectors[j][b * n + a] = eig.getEigenvector(a).getEntry(b);
        }
      }
    }
  }

  private EmGmmModel(int n, double[] logWeights, double[] means, double[] lambda, double[][] vectors) {
    this.n = n;
    this.k = logWeights.length;
    this.logWeights = logWeights;
    this.means = means;
    this.lambda = lambda;
    this.vectors = vectors;
  }

  int components() {
    return k;
  }

  /**
   * A component from u against the cumulative weights e^{log w_j}, then m_j + U_j √Λ_j z with z from rng: Σ_j's
   * square root from its stored eigendecomposition.
   */
  @Override
  public void drawClean(RandomGenerator rng, double[] out, int offset) {
    int j = component(rng.nextDouble());
    double[] z = new double[n];
    for (int a = 0; a < n; a++) {
      z[a] = Math.sqrt(lambda[j * n + a]) * rng.nextGaussian();
    }
    double[] u = vectors[j];
    for (int b = 0; b < n; b++) {
      double s = means[j * n + b];
      for (int a = 0; a < n; a++) {
        s += u[b * n + a] * z[a];
      }
      out[offset + b] = s;
    }
  }

  /** The first component whose cumulative weight exceeds u; the last one of positive weight past round-off. */
  private int component(double u) {
    double c = 0;
    for (int j = 0; j < k; j++) {
      c += Math.exp(logWeights[j]);
      if (u < c) {
        return j;
      }
    }
    for (int j = k - 1; j >= 0; j--) {
      if (logWeights[j] > Double.NEGATIVE_INFINITY) {
        return j;
      }
    }
    return k - 1;
  }

  @Override
  public int dim() {
    return n;
  }

  @Override
  public void score(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double inv = 1 / alpha;
    Rows w = new Rows(tVe);
    for (int i = from; i < to; i++) {
      components(inv, x, i, w);
      for (int b = 0; b < n; b++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          s += w.logit[j] * w.grad[j * n + b];
        }
        out[i * n + b] = s / w.sum * inv;
      }
    }
  }

  /** One thread's per-row scratch at VE time t: the log-determinants, and a row's responsibilities and g_j. */
  private final class Rows {
    final double tVe;
    final double[] logDet;
    final double[] logit = new double[k];
    final double[] grad = new double[k * n];
    final double[] z = new double[n];
    double sum;

    Rows(double tVe) {
      this.tVe = tVe;
      this.logDet = logDets(tVe);
    }
  }

  /**
   * The responsibilities' log-sum-exp at row i into the return value, the responsibilities (unnormalised,
   * divided by {@code w.sum}) into {@code w.logit}, each component's g_j = −Σ_j⁻¹(y − m_j) into {@code w.grad}.
   */
  private double components(double inv, double[] x, int i, Rows w) {
    double tVe = w.tVe;
    double[] logDet = w.logDet;
    double[] logit = w.logit;
    double[] grad = w.grad;
    double[] z = w.z;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double[] u = vectors[j];
      double q = 0;
      for (int a = 0; a < n; a++) {
        double v = 0;
        for (int b = 0; b < n; b++) {
          v += u[b * n + a] * (x[i * n + b] * inv - means[j * n + b]);
        }
        double scaled = v / (lambda[j * n + a] + tVe);
        q += v * scaled;
        z[a] = scaled;
      }
      for (int b = 0; b < n; b++) {
        double g = 0;
        for (int a = 0; a < n; a++) {
          g -= u[b * n + a] * z[a];
        }
        grad[j * n + b] = g;
      }
      logit[j] = logWeights[j] - 0.5 * logDet[j] - 0.5 * q;
      max = Math.max(max, logit[j]);
    }
    double total = 0;
    for (int j = 0; j < k; j++) {
      logit[j] = Math.exp(logit[j] - max);
      total += logit[j];
    }
    w.sum = total;
    return max + Math.log(total);
  }

  private double[] logDets(double tVe) {
    double[] logDet = new double[k];
    for (int j = 0; j < k; j++) {
      for (int a = 0; a < n; a++) {
        logDet[j] += Math.log(lambda[j * n + a] + tVe);
      }
    }
    return logDet;
  }

  @Override
  public void scoreAndDivergence(double tVe, double alpha, double[] x, int count, double[] out, double[] div) {
    int from = 0;
    int to = count;
    double inv = 1 / alpha;
    Rows w = new Rows(tVe);
    double[] logit = w.logit;
    double[] grad = w.grad;
    double[] trace = new double[k];
    for (int j = 0; j < k; j++) {
      for (int a = 0; a < n; a++) {
        trace[j] += 1 / (lambda[j * n + a] + tVe);
      }
    }
    for (int i = from; i < to; i++) {
      components(inv, x, i, w);
      double s2 = 0;
      for (int b = 0; b < n; b++) {
        double s = 0;
        for (int j = 0; j < k; j++) {
          s += logit[j] * grad[j * n + b];
        }
        s /= w.sum;
        out[i * n + b] = s * inv;
        s2 += s * s;
      }
      double d = 0;
      for (int j = 0; j < k; j++) {
        double g2 = 0;
        for (int b = 0; b < n; b++) {
          g2 += grad[j * n + b] * grad[j * n + b];
        }
        d += logit[j] / w.sum * (g2 - trace[j]);
      }
      div[i] = (d - s2) * inv * inv;
    }
  }

  /** log p̂_t of the fitted mixture, Σ_j w_j N(m_j, Σ_j + t I), served through y = x/α. */
  @Override
  public void logDensity(double tVe, double alpha, double[] x, int from, int to, double[] out) {
    double inv = 1 / alpha;
    Rows w = new Rows(tVe);
    double constant = -0.5 * n * Math.log(2 * Math.PI) - n * Math.log(alpha);
    for (int i = from; i < to; i++) {
      out[i] = components(inv, x, i, w) + constant;
    }
  }

  @Override
  public void writePayload(DataOutputStream out) throws IOException {
    out.writeInt(1);
    out.writeInt(n);
    out.writeInt(k);
    Payloads.writeDoubles(out, logWeights);
    Payloads.writeDoubles(out, means);
    Payloads.writeDoubles(out, lambda);
    for (double[] u : vectors) {
      Payloads.writeDoubles(out, u);
    }
  }

  static EmGmmModel readPayload(DataInputStream in) throws IOException {
    if (in.readInt() != 1) {
      throw new IOException("em-gmm payload version; valid: 1");
    }
    int n = in.readInt();
    int k = in.readInt();
    if (n < 1 || k < 1 || (long) k * n * n > 100_000_000L) {
      throw new IOException("bad shape " + k + " x " + n);
    }
    double[] lw = Payloads.readDoubles(in, k);
    double[] means = Payloads.readDoubles(in, k * n);
    double[] lambda = Payloads.readDoubles(in, k * n);
    double[][] vectors = new double[k][];
    for (int j = 0; j < k; j++) {
      vectors[j] = Payloads.readDoubles(in, n * n);
    }
    return new EmGmmModel(n, lw, means, lambda, vectors);
  }
}

package io.diffmix.core.subspace;

import io.diffmix.core.data.Samples;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The span of a mixture's centred means, estimated from the training rows (docs/high-dimensions.md §1).
 *
 * <p>For components N(μ_j, σ0² I), the covariance of the data is Σ_j w_j (μ_j − x̄)(μ_j − x̄)ᵀ + σ0² I: the
 * first term has rank at most k − 1, and σ0² is added to every eigenvalue. So the eigenvectors whose sample
 * eigenvalues stand above the noise's largest span the means; the others are noise alone. With N rows in n
 * dimensions, the largest eigenvalue of pure noise sits near the Marchenko–Pastur edge σ0²(1 + √(n/N))², with
 * Tracy–Widom fluctuations of scale s/N around μ/N (Johnstone 2001):
 * <pre>  μ = (√(N−1) + √n)²,   s = (√(N−1) + √n)(1/√(N−1) + 1/√n)^{1/3}</pre>
 * An eigenvalue above σ0²(μ + 2.02 s)/N, TW1's 99th percentile, counts as signal.
 *
 * @param mean x̄, the training rows' mean
 * @param basis U, n × r row-major: column c is the c-th eigenvector, in decreasing order of eigenvalue
 * @param rank r
 * @param eigenvalues every eigenvalue of the sample covariance, decreasing
 * @param complementVariance the mean of the n − r eigenvalues left out: the estimate of σ0² that the
 *     complement's closed-form score uses (σ0² of the rank test when r = n)
 */
public record MeanSpan(double[] mean, double[] basis, int rank, double[] eigenvalues, double complementVariance) {

  /** TW1's 99th percentile (Tracy and Widom 1996, Table 1). */
  static final double TW1_99 = 2.0234;

  public int dim() {
    return mean.length;
  }

  /**
   * The span from the rows.
   *
   * @param fixedRank the rank to keep, or −1 to choose it by the edge test with {@code sigma0} (at least 1)
   * @param sigma0 σ0 of the components, for the edge test
   */
  public static MeanSpan of(Samples rows, int fixedRank, double sigma0) {
    int n = rows.dim();
    int count = rows.rows();
    double[] mean = new double[n];
    double[] x = rows.data();
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < n; j++) {
        mean[j] += x[i * n + j];
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= count;
    }
    double[][] cov = covariance(x, count, n, mean);
    EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(cov, false));
    double[] values = eig.getEigenvalues();
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -values[c]));
    double[] sorted = new double[n];
    for (int c = 0; c < n; c++) {
      sorted[c] = values[order[c]];
    }
    // a single component has no eigenvalue above the edge: keep its first direction, so a learner has one to fit
    int r = fixedRank >= 0 ? Math.min(fixedRank, n) : Math.max(1, edgeRank(sorted, count, sigma0));
    double[] basis = new double[n * r];
    for (int c = 0; c < r; c++) {
      var v = eig.getEigenvector(order[c]);
      for (int j = 0; j < n; j++) {
        basis[j * r + c] = v.getEntry(j);
      }
    }
    double rest = 0;
    for (int c = r; c < n; c++) {
      rest += sorted[c];
    }
    double complement = r < n ? rest / (n - r) : sigma0 * sigma0;
    return new MeanSpan(mean, basis, r, sorted, complement);
  }

  /** The number of eigenvalues above pure noise's 99th percentile. */
  static int edgeRank(double[] sorted, int count, double sigma0) {
    int n = sorted.length;
    double a = Math.sqrt(count - 1.0);
    double b = Math.sqrt(n);
    double mu = (a + b) * (a + b);
    double s = (a + b) * Math.cbrt(1 / a + 1 / b);
    double edge = sigma0 * sigma0 * (mu + TW1_99 * s) / count;
    int r = 0;
    while (r < n && sorted[r] > edge) {
      r++;
    }
    return r;
  }

  /** The sample covariance (divided by N), in one fixed-order pass: the same bits for any thread count. */
  private static double[][] covariance(double[] x, int count, int n, double[] mean) {
    double[][] c = new double[n][n];
    double[] d = new double[n];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < n; j++) {
        d[j] = x[i * n + j] - mean[j];
      }
      for (int j = 0; j < n; j++) {
        double dj = d[j];
        double[] row = c[j];
        for (int l = j; l < n; l++) {
          row[l] += dj * d[l];
        }
      }
    }
    for (int j = 0; j < n; j++) {
      for (int l = j; l < n; l++) {
        c[j][l] /= count;
        c[l][j] = c[j][l];
      }
    }
    return c;
  }

  /** The rows' coordinates in the span, Uᵀ(x − x̄): count × r. */
  public Samples project(Samples rows) {
    int n = dim();
    int r = rank;
    double[] out = new double[rows.rows() * r];
    double[] x = rows.data();
    for (int i = 0; i < rows.rows(); i++) {
      for (int c = 0; c < r; c++) {
        double v = 0;
        for (int j = 0; j < n; j++) {
          v += basis[j * r + c] * (x[i * n + j] - mean[j]);
        }
        out[i * r + c] = v;
      }
    }
    return new Samples(out, rows.rows(), r);
  }
}

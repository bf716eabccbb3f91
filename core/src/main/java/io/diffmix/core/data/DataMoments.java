package io.diffmix.core.data;

/**
 * The first two moments of the training data, which grids and the prior need.
 *
 * @param dim the dimension n
 * @param rows how many points they came from
 * @param mean the mean vector
 * @param secondMoment M2 = E|x|², as in the paper's T = 100·(M2 + n)
 * @param meanVariance the variance per coordinate, averaged over coordinates: (E|x − mean|²)/n
 */
public record DataMoments(int dim, int rows, double[] mean, double secondMoment, double meanVariance) {

  /** Computes the moments in one fixed-order pass, so the result does not depend on threads. */
  public static DataMoments of(Samples s) {
    int n = s.dim();
    double[] mean = new double[n];
    double m2 = 0;
    double[] x = s.data();
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < n; j++) {
        double v = x[i * n + j];
        mean[j] += v;
        m2 += v * v;
      }
    }
    int rows = Math.max(1, s.rows());
    double meanSq = 0;
    for (int j = 0; j < n; j++) {
      mean[j] /= rows;
      meanSq += mean[j] * mean[j];
    }
    m2 /= rows;
    double variance = Math.max(0, m2 - meanSq) / n;
    return new DataMoments(n, s.rows(), mean, m2, variance);
  }
}

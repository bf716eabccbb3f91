package io.diffmix.core.metrics;

/**
 * Logistic regression on the quadratic features (1, z_i, z_i z_j for i ≤ j), fitted by Newton's method
 * (iteratively reweighted least squares) with a tiny ridge that only guards against separable folds.
 *
 * <p>With quadratic features it can express the Bayes rule between two Gaussians, which is quadratic.
 */
final class QuadraticLogistic implements Classifier {
  private static final int MAX_ITERATIONS = 100;
  /** Ridge per training row on every coefficient but the intercept: negligible unless a fold is separable. */
  private static final double RIDGE = 1e-8;

  static int features(int d) {
    return 1 + d + d * (d + 1) / 2;
  }

  static void features(double[] z, int row, int d, double[] phi) {
    phi[0] = 1;
    int q = 1;
    for (int i = 0; i < d; i++) {
      phi[q++] = z[row * d + i];
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        phi[q++] = z[row * d + i] * z[row * d + j];
      }
    }
  }

  @Override
  public int correctOnFold(double[] z, int[] label, int d, int[] fold, int f) {
    int p = features(d);
    double[] beta = new double[p];
    double[] phi = new double[p];
    double[] grad = new double[p];
    double[] hess = new double[p * p];
    int rows = 0;
    for (int i = 0; i < label.length; i++) {
      if (fold[i] != f) {
        rows++;
      }
    }
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      java.util.Arrays.fill(grad, 0);
      java.util.Arrays.fill(hess, 0);
      for (int i = 0; i < label.length; i++) {
        if (fold[i] == f) {
          continue;
        }
        features(z, i, d, phi);
        double eta = 0;
        for (int a = 0; a < p; a++) {
          eta += beta[a] * phi[a];
        }
        double mu = 1 / (1 + Math.exp(-eta));
        double w = mu * (1 - mu);
        double r = label[i] - mu;
        for (int a = 0; a < p; a++) {
          grad[a] += r * phi[a];
          double wa = w * phi[a];
          for (int b = 0; b <= a; b++) {
            hess[a * p + b] += wa * phi[b];
          }
        }
      }
      for (int a = 1; a < p; a++) {
        grad[a] -= RIDGE * rows * beta[a];
        hess[a * p + a] += RIDGE * rows;
      }
      double[] step = solveSymmetric(hess, grad, p);
      double largest = 0;
      for (int a = 0; a < p; a++) {
        beta[a] += step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < 1e-10) {
        break;
      }
    }
    int correct = 0;
    for (int i = 0; i < label.length; i++) {
      if (fold[i] != f) {
        continue;
      }
      features(z, i, d, phi);
      double eta = 0;
      for (int a = 0; a < p; a++) {
        eta += beta[a] * phi[a];
      }
      if ((eta > 0 ? 1 : 0) == label[i]) {
        correct++;
      }
    }
    return correct;
  }

  /** Solves H x = g for the symmetric positive definite H given by its lower triangle, by Cholesky. */
  static double[] solveSymmetric(double[] h, double[] g, int p) {
    double[] l = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = h[i * p + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * p + k] * l[j * p + k];
        }
        if (i == j) {
          // a non-positive pivot means a direction with no curvature: no step along it
          l[i * p + i] = s > 1e-300 ? Math.sqrt(s) : Double.POSITIVE_INFINITY;
        } else {
          l[i * p + j] = s / l[j * p + j];
        }
      }
    }
    double[] y = new double[p];
    for (int i = 0; i < p; i++) {
      double s = g[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * p + k] * y[k];
      }
      y[i] = s / l[i * p + i];
    }
    double[] x = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < p; k++) {
        s -= l[k * p + i] * x[k];
      }
      x[i] = s / l[i * p + i];
    }
    return x;
  }

  @Override
  public String describe(int trainingRows) {
    return "logistic regression on quadratic features";
  }
}

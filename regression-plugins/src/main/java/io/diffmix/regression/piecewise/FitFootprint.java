package io.diffmix.regression.piecewise;

import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Learner;
import java.util.Locale;

/**
 * The paper's learner's peak memory, estimated before the fit. The peak is at the top levels, where the cover has
 * one warm start and so one cell holds every regression row: its degree is the 5p rule's for all of them, and
 * {@link CellRegression} holds one (p + n)² Gram per task of {@link CellRegression#TASK_ROWS} rows until it sums
 * them in order. Beside that: each thread's feature block, the level's noisy points and targets, the basis
 * tables, and the model's coefficients, at most one per 5 regression rows and one constant per warm start, on
 * every level.
 */
final class FitFootprint {
  private FitFootprint() {}

  /** Bytes per basis function of {@link HermiteBasis}'s tables (its factor lists, and the map that builds them). */
  private static final double BASIS_BYTES = 200;

  static Footprint of(PiecewisePolynomialLearner.Config config, Learner.Shape shape) {
    int rows = shape.rows();
    int warm = Math.max(1, Math.min(config.warmStartBatch(), rows / 5));
    int regression = rows - warm;
    int degree = CellRegression.fiveP(config.degree().max(), regression, shape.dim());
    double bytes = bytes(degree, regression, warm, shape);
    String reason = String.format(Locale.ROOT, "one cell of %,d rows at degree %d, %,d features in dim %d: "
        + "%,d Gram blocks of (p + n)^2", regression, degree, (long) size(shape.dim(), degree), shape.dim(),
        tasks(regression));
    if (degree > 0) {
      reason += "; degree " + (degree - 1) + " needs " + Footprint.format(
          Footprint.doubles(bytes(degree - 1, regression, warm, shape) / 8));
    }
    return new Footprint(Footprint.doubles(bytes / 8), "degree", reason);
  }

  /** The peak in bytes, as a double so that no product overflows. */
  private static double bytes(int degree, int regression, int warm, Learner.Shape shape) {
    int n = shape.dim();
    double p = size(n, degree);
    double q = p + n;
    double grams = (tasks(regression) + 2) * q * q;
    double blocks = shape.threads() * 2.0 * CellRegression.TASK_ROWS * q;
    double level = 4.0 * regression * n;
    double model = (double) shape.levels() * (regression / 5.0 + 2.0 * warm) * n;
    return 8 * (grams + blocks + level + model) + BASIS_BYTES * p;
  }

  private static int tasks(int regression) {
    return Math.max(1, (regression + CellRegression.TASK_ROWS - 1) / CellRegression.TASK_ROWS);
  }

  /** p = C(n + d, d), as a double: it overflows an int in high dimensions. */
  private static double size(int n, int d) {
    double p = 1;
    for (int i = 1; i <= d; i++) {
      p = p * (n + i) / i;
    }
    return Math.rint(p);
  }
}

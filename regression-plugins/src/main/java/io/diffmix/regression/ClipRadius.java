package io.diffmix.regression;

import io.diffmix.core.data.Samples;

/**
 * The radius D of the paper's constraint ĝ ∈ B_D(0) when the user gives none: 1.5 × the largest training norm
 * (README, "Plugins and their parameters"). Without the clip, sampler paths ran off to infinity in the NumPy port.
 */
public final class ClipRadius {
  /** How far beyond the data the posterior mean may reach. */
  static final double MARGIN = 1.5;

  private ClipRadius() {}

  /** The given radius, or the default when it is NaN. */
  public static double of(double given, Samples train) {
    if (!Double.isNaN(given)) {
      return given;
    }
    double max = 0;
    for (int i = 0; i < train.rows(); i++) {
      double r2 = 0;
      for (int c = 0; c < train.dim(); c++) {
        r2 += train.get(i, c) * train.get(i, c);
      }
      max = Math.max(max, r2);
    }
    return MARGIN * Math.sqrt(max);
  }
}

package io.diffmix.core.testkit;

import io.diffmix.core.spi.Schedule;

/**
 * Two reference schedules for contract tests, written here so that a plugin module's tests need no other
 * plugin module: the paper's VE (α = 1, σ² = t) and the OU/VP (α = e^{−t}, σ² = 1 − e^{−2t}).
 */
public final class TestSchedules {
  private TestSchedules() {}

  public static Schedule ve() {
    return new Schedule() {
      public double alpha(double t) {
        return 1;
      }

      public double sigma(double t) {
        return Math.sqrt(t);
      }

      public double dLogAlpha(double t) {
        return 0;
      }

      public double dSigma2(double t) {
        return 1;
      }

      public double tMin() {
        return 0;
      }

      public double tMax() {
        return Double.POSITIVE_INFINITY;
      }

      public double timeOfVe(double tVe) {
        return tVe;
      }
    };
  }

  public static Schedule vp() {
    return new Schedule() {
      public double alpha(double t) {
        return Math.exp(-t);
      }

      public double sigma(double t) {
        return Math.sqrt(-Math.expm1(-2 * t));
      }

      public double dLogAlpha(double t) {
        return -1;
      }

      public double dSigma2(double t) {
        return 2 * Math.exp(-2 * t);
      }

      public double tMin() {
        return 0;
      }

      public double tMax() {
        return 20;
      }

      /** t_VE = σ²/α² = e^{2t} − 1, so t = ½ ln(1 + t_VE), the paper's τ. */
      public double timeOfVe(double tVe) {
        return 0.5 * Math.log1p(tVe);
      }
    };
  }
}

package io.diffmix.core.target;

import org.hipparchus.special.Gamma;

/**
 * Modified Bessel functions of the first kind, in the two forms the sphere's exact score needs, without
 * overflow at any argument:
 * <ul>
 *   <li>{@link #ratio}(ν, x) = I_ν(x)/I_{ν−1}(x), by Gauss's continued fraction (modified Lentz);
 *   <li>{@link #logScaled}(ν, x) = log[(2/x)^ν I_ν(x)], by its power series for moderate x and Hankel's
 *       asymptotic expansion for large x.
 * </ul>
 */
public final class Bessel {
  /** Above this argument the asymptotic series is used: its terms fall below 1e-17 well before diverging. */
  private static final double ASYMPTOTIC_FROM = 700;

  private Bessel() {}

  /**
   * I_ν(x)/I_{ν−1}(x) for ν > 0 and x ≥ 0, from I_{ν−1}/I_ν = 2ν/x + I_{ν+1}/I_ν unrolled:
   * R_ν = 1/(2ν/x + 1/(2(ν+1)/x + 1/(2(ν+2)/x + …))).
   */
  public static double ratio(double nu, double x) {
    if (x == 0) {
      return 0;
    }
    final double tiny = 1e-300;
    // modified Lentz for b0 + a1/(b1 + a2/(b2 + …)) with b_k = 2(ν + k)/x, a_k = 1, and R = 1/f
    double f = 2 * nu / x;
    if (f == 0) {
      f = tiny;
    }
    double c = f;
    double d = 0;
    for (int k = 1; k < 100_000; k++) {
      double b = 2 * (nu + k) / x;
      d = b + d;
      d = d == 0 ? tiny : d;
      c = b + 1 / c;
      c = c == 0 ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return 1 / f;
  }

  /** log[(2/x)^ν I_ν(x)] for ν ≥ 0, x ≥ 0; at x = 0 it is −log Γ(ν + 1). */
  public static double logScaled(double nu, double x) {
    if (x < ASYMPTOTIC_FROM) {
      return logSeries(nu, x);
    }
    return logAsymptotic(nu, x) + nu * Math.log(2 / x);
  }

  /** log Σ_k (x/2)^{2k}/(k! Γ(k + ν + 1)), summed relative to its largest term. */
  private static double logSeries(double nu, double x) {
    double q = 0.25 * x * x;
    double logQ = q > 0 ? Math.log(q) : Double.NEGATIVE_INFINITY;
    // the largest term is near k* where q/(k(k + ν)) = 1
    int peak = (int) Math.max(0, Math.floor(0.5 * (-nu + Math.sqrt(nu * nu + 4 * q))));
    double logPeak = peak * logQ - Gamma.logGamma(peak + 1.0) - Gamma.logGamma(peak + nu + 1);
    if (q == 0) {
      return -Gamma.logGamma(nu + 1);
    }
    double sum = 1;
    double term = 1;
    for (int k = peak + 1; ; k++) {
      term *= q / (k * (k + nu));
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    term = 1;
    for (int k = peak; k > 0; k--) {
      term *= k * (k + nu) / q;
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return logPeak + Math.log(sum);
  }

  /** log I_ν(x) ≈ x − ½ log(2πx) + log Σ_k (−1)^k a_k(ν)/x^k, a_k = Π_{j≤k} (4ν² − (2j − 1)²)/(8j). */
  private static double logAsymptotic(double nu, double x) {
    double mu = 4 * nu * nu;
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 60; k++) {
      double next = -term * (mu - (2 * k - 1) * (2 * k - 1)) / (8.0 * k * x);
      if (Math.abs(next) > Math.abs(term)) {
        break;
      }
      term = next;
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return x - 0.5 * Math.log(2 * Math.PI * x) + Math.log(sum);
  }
}

package io.diffmix.regression;

/**
 * Where a time falls among fitted levels, in the VP time τ = ½ ln(t + 1): the two nearest levels and the
 * weight of the upper one, held at the ends (README, "Plugins and their parameters").
 */
public final class TauInterpolation {
  private final double[] tau;

  /** @param tVe the levels' VE times, increasing */
  public TauInterpolation(double[] tVe) {
    tau = new double[tVe.length];
    for (int k = 0; k < tVe.length; k++) {
      tau[k] = 0.5 * Math.log1p(tVe[k]);
    }
  }

  /** The bracket of a VE time. */
  public record Bracket(int lo, int hi, double weight) {}

  public Bracket at(double tVe) {
    double t = 0.5 * Math.log1p(tVe);
    int hi = java.util.Arrays.binarySearch(tau, t);
    if (hi >= 0) {
      return new Bracket(hi, hi, 0);
    }
    hi = -hi - 1;
    if (hi == 0) {
      return new Bracket(0, 0, 0);
    }
    if (hi == tau.length) {
      return new Bracket(tau.length - 1, tau.length - 1, 0);
    }
    return new Bracket(hi - 1, hi, (t - tau[hi - 1]) / (tau[hi] - tau[hi - 1]));
  }
}

package io.diffmix.regression.piecewise;

import java.util.Arrays;

/** How the small-noise levels' regression noise is reduced (docs/high-dimensions.md §2). */
public enum VarianceReduction {
  /** The plain normal equations. */
  NONE("none"),
  /** {@link ControlVariate}: an exact, mean-zero control on the right-hand side, below t = σ0². */
  CONTROL_VARIATE("control-variate"),
  /**
   * Below t* = {@link #FREEZE_BELOW} σ0², every level keeps the posterior mean fitted at the first level below
   * t*: E[μ | y] depends on t only through σ0² + t, which moves by less than 5% there, while the regression's
   * noise grows like 1/t.
   */
  FREEZE("freeze"),
  /** Both: the control variate from σ0² down to t*, the frozen posterior mean below t*. */
  CONTROL_VARIATE_AND_FREEZE("control-variate+freeze");

  /** Whether levels below σ0² add the control variate. */
  boolean controlVariate() {
    return this == CONTROL_VARIATE || this == CONTROL_VARIATE_AND_FREEZE;
  }

  /** Whether levels below t* keep the posterior mean of the first level below t*. */
  boolean freezes() {
    return this == FREEZE || this == CONTROL_VARIATE_AND_FREEZE;
  }

  /** t* of {@link #FREEZE}, as a multiple of σ0². */
  static final double FREEZE_BELOW = 0.05;

  final String key;

  VarianceReduction(String key) {
    this.key = key;
  }

  static VarianceReduction of(String key) {
    return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst().orElseThrow();
  }

  static String[] keys() {
    return Arrays.stream(values()).map(v -> v.key).toArray(String[]::new);
  }
}

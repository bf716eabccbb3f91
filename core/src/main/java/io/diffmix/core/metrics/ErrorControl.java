package io.diffmix.core.metrics;

/**
 * What the probability-flow integrator's step control measures: each point's local error in its state, or
 * the local error's effect on the point's log-density, which is what the metric reports.
 *
 * <ul>
 *   <li>{@link #LOG_DENSITY}: goal-oriented control. Along the exact flow log p_t(y_t) + ℓ(t) is constant, so
 *       the reported log p̂_{t1} depends on the state z = (y, ℓ) at time t through log p_t(y) + ℓ, whose
 *       gradient is (∇ log p_t(y), 1) ≈ (ŝ(y, t), 1): the adjoint of the ODE for this output, in closed form.
 *       A step's local error e = (e_y, e_ℓ) therefore moves the answer by about ŝ·e_y + e_ℓ nats, and the step
 *       is held to |e_ℓ| + Σ_c |ŝ_c e_{y,c}| ≤ atol nats, besides the state norm. This is the dual-weighted
 *       idea of a posteriori error control (Becker and Rannacher, Acta Numerica 2001; for ODEs, Cao and
 *       Petzold, "A posteriori error estimation and global error control for ordinary differential equations
 *       by the adjoint method", SISC 2004), with the adjoint known instead of solved for. It puts the steps
 *       where the log-density is sensitive: a point far in the tail, where |ŝ| is large, gets short steps;
 *       one near a mode, where an error in y hardly changes log p, does not.
 *   <li>{@link #STATE}: Hairer's mixed norm alone, RMS over the n + 1 components of e/(atol + rtol·|z|)
 *       (Hairer, Nørsett and Wanner, eq. II.4.11). Its error in log p grows with |y|² in the tails.
 * </ul>
 */
public enum ErrorControl {
  LOG_DENSITY("log-density"),
  STATE("state");

  /** The name in a config's {@code control} key. */
  public final String id;

  ErrorControl(String id) {
    this.id = id;
  }

  /** The control named {@code id}, or null (the config's choice parameter has checked it). */
  static ErrorControl byId(String id) {
    for (ErrorControl c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    return null;
  }
}

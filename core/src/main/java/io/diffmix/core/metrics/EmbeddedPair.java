package io.diffmix.core.metrics;

/**
 * An explicit embedded Runge–Kutta pair with the first-same-as-last property: its Butcher tableau, the weights
 * of the solution it advances with (local extrapolation: the higher order), and the weights of the local error
 * estimate, the difference of the two solutions. The last stage is evaluated at the new solution, so it is the
 * next step's first.
 *
 * <p>Two pairs:
 * <ul>
 *   <li>{@link #DORMAND_PRINCE_54}: Dormand and Prince (1980), seven stages, six new evaluations a step; the
 *       default.
 *   <li>{@link #BOGACKI_SHAMPINE_32}: Bogacki and Shampine (1989), the pair of MATLAB's ode23, four stages,
 *       three new evaluations a step. It was tried for the learners interpolated between fitted levels, whose
 *       velocity has a kink in time at each level, on the guess that the steps there are kink-limited and the
 *       cheaper step wins. On the quickstart's paper learner it lost in every case measured
 *       (README, "model-likelihood"): the steps are set by the Voronoi crossings and the smooth stretches between, where
 *       the fifth order takes longer steps.
 * </ul>
 */
public enum EmbeddedPair {
  DORMAND_PRINCE_54("dopri5", "Dormand-Prince 5(4)", 5,
      new double[] {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1},
      new double[][] {
          {},
          {1.0 / 5},
          {3.0 / 40, 9.0 / 40},
          {44.0 / 45, -56.0 / 15, 32.0 / 9},
          {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
          {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
          {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}},
      new double[] {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40}),
  BOGACKI_SHAMPINE_32("bs3", "Bogacki-Shampine 3(2)", 3,
      new double[] {0, 1.0 / 2, 3.0 / 4, 1},
      new double[][] {
          {},
          {1.0 / 2},
          {0, 3.0 / 4},
          {2.0 / 9, 1.0 / 3, 4.0 / 9}},
      // third- minus second-order weights: (2/9 − 7/24, 1/3 − 1/4, 4/9 − 1/3, −1/8)
      new double[] {-5.0 / 72, 1.0 / 12, 1.0 / 9, -1.0 / 8});

  /** The name of the metric's {@code method} parameter value. */
  final String id;
  /** Its name in report.json's details. */
  final String title;
  /** The order of the solution advanced with; the step controller's exponent is 1/order. */
  final int order;
  /** The stages' times as fractions of the step; the last is 1 and evaluates the new solution (FSAL). */
  final double[] c;
  /** The stages' rows: stage i is z + h Σ_{j<i} a[i][j] k_j; the last row is the solution's weights. */
  final double[][] a;
  /** The local error estimate's weights, over all the stages. */
  final double[] e;

  EmbeddedPair(String id, String title, int order, double[] c, double[][] a, double[] e) {
    this.id = id;
    this.title = title;
    this.order = order;
    this.c = c;
    this.a = a;
    this.e = e;
  }

  int stages() {
    return c.length;
  }

  /** The pair named {@code id}, or null. */
  static EmbeddedPair byId(String id) {
    for (EmbeddedPair p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    return null;
  }
}

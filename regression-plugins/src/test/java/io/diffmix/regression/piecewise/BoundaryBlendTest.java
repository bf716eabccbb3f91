package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The boundary blend ({@link SoftCells}): far from every boundary it is the hard cell to the bit; across a
 * boundary it is continuous where the hard cells jump; its weights are the softmax of the formula; and its
 * Jacobian trace, weights' gradient included, is that of central differences.
 */
class BoundaryBlendTest {
  private static final int N = 2;
  private static final double S = Math.sqrt(1.3);
  private static final double[] CENTRES = {0, 0, 5, 0, 0, 5, -4, -4};

  /** Four cells of degrees 0 to 3 with random coefficients, clipped at radius {@code clip}. */
  private static LevelPolynomials level(double clip) {
    Random r = new Random(5);
    int[] degrees = {3, 0, 2, 1};
    double[][] coef = new double[degrees.length][];
    for (int j = 0; j < degrees.length; j++) {
      coef[j] = new double[HermiteBasis.size(N, degrees[j]) * N];
      for (int q = 0; q < coef[j].length; q++) {
        coef[j][q] = 0.5 * r.nextGaussian();
      }
    }
    return new LevelPolynomials(0.3, S, CENTRES, degrees, coef, clip);
  }

  private static double[] means(LevelPolynomials level, double[] y) {
    double[] out = new double[y.length];
    level.posteriorMeans(y, y.length / N, out, level.batch());
    return out;
  }

  /** Σ_j w_j ĝ_j, one point at a time: the softmax over all four cells, tapered below 2e-4 and renormalised. */
  private static double[] plainBlend(LevelPolynomials hard, double b, double[] y) {
    double h2 = b * S * b * S;
    double[] logits = new double[4];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < 4; j++) {
      double d2 = 0;
      for (int c = 0; c < N; c++) {
        d2 += (y[c] - CENTRES[j * N + c]) * (y[c] - CENTRES[j * N + c]);
      }
      logits[j] = -d2 / (2 * h2);
      max = Math.max(max, logits[j]);
    }
    double total = 0;
    for (int j = 0; j < 4; j++) {
      total += Math.exp(logits[j] - max);
    }
    // the taper: 0 below eps, the weight above 2 eps, the smootherstep between; then renormalised
    double eps = 1e-4;
    double[] tapered = new double[4];
    double kept = 0;
    for (int j = 0; j < 4; j++) {
      double w = Math.exp(logits[j] - max) / total;
      double x = Math.min(1, Math.max(0, (w - eps) / eps));
      tapered[j] = w * (x * x * x * (6 * x * x - 15 * x + 10));
      kept += tapered[j];
    }
    double[] g = new double[N];
    for (int j = 0; j < 4; j++) {
      // cell j's own clipped polynomial at y, through a one-cell level
      double[] gj = cellAt(hard, j, y);
      for (int c = 0; c < N; c++) {
        g[c] += tapered[j] / kept * gj[c];
      }
    }
    return g;
  }

  /** Cell j's clipped polynomial at y, through a one-cell level with cell j's centre and coefficients. */
  private static double[] cellAt(LevelPolynomials hard, int j, double[] y) {
    LevelPolynomials one = new LevelPolynomials(hard.tVe, hard.s,
        java.util.Arrays.copyOfRange(CENTRES, j * N, j * N + N), new int[] {hard.degrees[j]},
        new double[][] {hard.coefficients[j]}, hard.clip);
    return means(one, y);
  }

  @Test
  void farFromEveryBoundaryTheBlendIsTheHardCellToTheBit() {
    LevelPolynomials hard = level(3.0);
    LevelPolynomials soft = hard.withBlend(0.5);
    Random r = new Random(1);
    int rows = 600;
    double[] y = new double[rows * N];
    for (int i = 0; i < rows; i++) {
      int j = r.nextInt(4);
      for (int c = 0; c < N; c++) {
        y[i * N + c] = CENTRES[j * N + c] + 0.8 * r.nextGaussian();
      }
    }
    double[] a = means(hard, y);
    double[] b = means(soft, y);
    int same = 0;
    for (int q = 0; q < a.length; q++) {
      same += Double.doubleToRawLongBits(a[q]) == Double.doubleToRawLongBits(b[q]) ? 1 : 0;
    }
    // h = 0.57: a row farther than ln(1e4) h² / |μ_i − μ_j| ≈ 0.6 from the bisectors keeps its own cell alone
    assertThat(same).isGreaterThan(a.length * 9 / 10).isLessThan(a.length);
  }

  @Test
  void theBlendIsTheTaperedSoftmaxOfTheCellsPolynomials() {
    LevelPolynomials hard = level(3.0);
    double b = 0.6;
    LevelPolynomials soft = hard.withBlend(b);
    Random r = new Random(2);
    for (int i = 0; i < 200; i++) {
      double[] y = {2.5 + 1.5 * r.nextGaussian(), 2.5 * r.nextGaussian()};
      double[] got = means(soft, y);
      double[] want = plainBlend(hard, b, y);
      for (int c = 0; c < N; c++) {
        // the same terms summed in the same order but normalised once instead of per weight: a few ulps of D
        assertThat(got[c]).as("row %d", i).isCloseTo(want[c], org.assertj.core.api.Assertions.within(1e-14));
      }
    }
  }

  /** On either side of the bisector x = 2.5 of cells 0 and 1, 2e-9 apart. */
  private static double jumpAcrossBisector(LevelPolynomials level, double yAlong) {
    double eps = 1e-9;
    double[] y = {2.5 - eps, yAlong, 2.5 + eps, yAlong};
    double[] g = means(level, y);
    return Math.hypot(g[0] - g[2], g[1] - g[3]);
  }

  @Test
  void acrossABoundaryTheHardCellsJumpAndTheBlendDoesNot() {
    LevelPolynomials hard = level(Double.POSITIVE_INFINITY);
    LevelPolynomials soft = hard.withBlend(0.2);
    for (double along : new double[] {-1, -0.3, 0.4, 1.2}) {
      assertThat(jumpAcrossBisector(hard, along)).as("hard, at %s", along).isGreaterThan(1e-3);
      // Lipschitz: 2e-9 times max |∇ĝ_j| plus the weights' gradient, at most |μ_1 − μ_0|/(4h²) ≈ 24, times
      // |ĝ_1 − ĝ_0|, a few units here
      assertThat(jumpAcrossBisector(soft, along)).as("blended, at %s", along).isLessThan(1e-5);
    }
  }

  /**
   * tr J of the blended ĝ against central differences with step e. Their error is e²/6 times ĝ's third
   * derivative, which the weights make about (|μ_1 − μ_0|/h²)³ |ĝ_1 − ĝ_0| ≈ 43³ · 2 ≈ 2e5 at h ≈ 0.34; at
   * e = 1e-6 that is 3e-8, and rounding adds about 1e-16 |ĝ| / e ≈ 3e-10: the tolerance is 1e-7. No clip: across its sphere ĝ is only Lipschitz, and the clipped trace
   * of each cell is checked on its own (ModelDivergenceTest).
   */
  @Test
  void theBlendsTraceIsThatOfCentralDifferencesWeightsGradientIncluded() {
    LevelPolynomials soft = level(Double.POSITIVE_INFINITY).withBlend(0.3);
    Random r = new Random(3);
    int rows = 400;
    double[] y = new double[rows * N];
    for (int i = 0; i < rows; i++) {
      y[i * N] = 2.5 + 0.3 * r.nextGaussian();
      y[i * N + 1] = 2.5 + 2 * r.nextGaussian();
    }
    double[] g = new double[y.length];
    double[] trace = new double[rows];
    soft.posteriorMeansAndTraces(y, rows, g, trace, soft.batch());
    double e = 1e-6;
    int blended = 0;
    for (int i = 0; i < rows; i++) {
      double fd = 0;
      for (int c = 0; c < N; c++) {
        double[] p = {y[i * N], y[i * N + 1]};
        double[] m = p.clone();
        p[c] += e;
        m[c] -= e;
        fd += (means(soft, p)[c] - means(soft, m)[c]) / (2 * e);
      }
      double[] plain = means(soft, new double[] {y[i * N], y[i * N + 1]});
      assertThat(g[i * N]).isEqualTo(plain[0]);
      assertThat(trace[i]).as("row %d at (%s, %s)", i, y[i * N], y[i * N + 1])
          .isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-7));
      blended += Math.abs(y[i * N] - 2.5) < 0.5 ? 1 : 0;
    }
    assertThat(blended).isGreaterThan(rows / 2);
  }

  private static byte[] payload(PiecewisePolynomialModel model) throws java.io.IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(bytes)) {
      model.writePayload(out);
    }
    return bytes.toByteArray();
  }

  private static PiecewisePolynomialModel read(byte[] payload) throws java.io.IOException {
    return PiecewisePolynomialModel.readPayload(new java.io.DataInputStream(new java.io.ByteArrayInputStream(payload)));
  }

  /**
   * A saved model keeps its blend, and with it its score to the bit and its continuity; a version-1 payload
   * (before the blend, the same bytes without it) reads as hard cells.
   */
  @Test
  void aSavedModelKeepsItsBlendAndAVersionOnePayloadReadsAsHardCells() throws java.io.IOException {
    LevelPolynomials hard = level(3.0);
    var blended = new PiecewisePolynomialModel(new LevelPolynomials[] {hard.withBlend(0.2)}, 1.0);
    PiecewisePolynomialModel back = read(payload(blended));
    assertThat(back.continuousInSpace()).isTrue();
    double[] x = {2.49, 0.3, 2.51, 0.3, -1, 2, 4, 4};
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    blended.score(0.3, 1, x, 0, 4, a);
    back.score(0.3, 1, x, 0, 4, b);
    assertThat(b).isEqualTo(a);

    byte[] v2 = payload(new PiecewisePolynomialModel(new LevelPolynomials[] {hard}, 1.0));
    // version 1: the int 1, then sigma0, n, the level count and the level's t, s and clip as in version 2,
    // then its cells without the blend's double
    int blendAt = 4 + 8 + 4 + 4 + 3 * 8;
    byte[] v1 = new byte[v2.length - 8];
    System.arraycopy(v2, 0, v1, 0, blendAt);
    System.arraycopy(v2, blendAt + 8, v1, blendAt, v2.length - blendAt - 8);
    v1[3] = 1;
    PiecewisePolynomialModel old = read(v1);
    assertThat(old.continuousInSpace()).isFalse();
    double[] c = new double[x.length];
    double[] d = new double[x.length];
    new PiecewisePolynomialModel(new LevelPolynomials[] {hard}, 1.0).score(0.3, 1, x, 0, 4, c);
    old.score(0.3, 1, x, 0, 4, d);
    assertThat(d).isEqualTo(c);
  }

  /** A NaN row gives NaN, as with the hard cells, not a silent 0 from a blend of no cell. */
  @Test
  void aNanRowStaysNan() {
    LevelPolynomials soft = level(3.0).withBlend(0.25);
    double[] g = means(soft, new double[] {Double.NaN, 1, 1e200, 1e200});
    assertThat(g[0]).isNaN();
    assertThat(g).containsExactly(means(level(3.0), new double[] {Double.NaN, 1, 1e200, 1e200}));
  }

  /** A blend too narrow to be one (h² could underflow) is bad input naming the key and the valid range. */
  @Test
  void aBlendNarrowerThanTheLeastIsBadInput() {
    var f = PiecewisePolynomialFactory.FACTORY;
    var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("type", "piecewise-polynomial").put("boundary_blend", 1e-170);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.configure(io.diffmix.core.config.ParamResolver
        .resolve("learner", "piecewise-polynomial", f.params(), node, "test.json", java.util.Set.of())))
        .isInstanceOf(io.diffmix.core.config.BadInputException.class)
        .hasMessageContaining("boundary_blend").hasMessageContaining("valid: 0 (hard cells) or 0.001 to 10");
  }
}

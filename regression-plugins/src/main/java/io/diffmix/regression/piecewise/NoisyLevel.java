package io.diffmix.regression.piecewise;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import java.util.random.RandomGenerator;

/**
 * One level's regression data (docs/algorithm.md §2, step 3.2): for every regression row x_i a noisy point
 * y_i = x_i + √t ξ_i, in VE time t, and the regression target beside it,
 * (1 − s²/t) y + (s²/t) x = y − (s²/√t) ξ with s² = σ0² + t, or −ξ/√t for the noise target.
 *
 * <p>The buffers are drawn again at each level: for 10⁵ rows in 64 dimensions each is 51 MB, so they are
 * allocated once per fit. Each block of {@link #BLOCK} rows draws from its own stream, so the bits do not depend
 * on the thread count.
 */
final class NoisyLevel {
  /** Rows per noise stream. */
  static final int BLOCK = 4096;

  final Samples rows;
  final int n;
  private final double sigma0;
  private final RegressionTarget target;
  /** The noisy points y and the targets z, row-major, n a row. */
  final double[] y;
  final double[] z;
  double t;
  double s2;
  double s;
  /** 1/s, by which the fit scales y − μ̂_j: the model scales by the same double, so both see the same z. */
  double invS;

  NoisyLevel(Samples rows, double sigma0, RegressionTarget target) {
    this.rows = rows;
    this.n = rows.dim();
    this.sigma0 = sigma0;
    this.target = target;
    this.y = new double[rows.rows() * n];
    this.z = new double[rows.rows() * n];
  }

  /** A view of the same rows with other points and targets, sharing the level's scale (see {@link ControlVariate}). */
  private NoisyLevel(NoisyLevel of, double[] y, double[] z) {
    this.rows = of.rows;
    this.n = of.n;
    this.sigma0 = of.sigma0;
    this.target = of.target;
    this.y = y;
    this.z = z;
  }

  /**
   * The clean points x_i beside c·ξ_i, where −c·ξ is the noise in this level's target z (c = s²/√t for the
   * posterior mean, 1/√t for the noise target): the control variate's rows. Drawn after {@link #draw}.
   */
  NoisyLevel cleanView(double[] buffer, Parallel par) {
    NoisyLevel view = new NoisyLevel(this, rows.data(), buffer);
    view.t = t;
    view.s2 = s2;
    view.s = s;
    view.invS = invS;
    double sqrtT = Math.sqrt(t);
    // ξ = (y − x)/√t, and c ξ = (c/√t)(y − x)
    double scale = (target == RegressionTarget.NOISE ? 1 / sqrtT : s2 / sqrtT) / sqrtT;
    double[] x = rows.data();
    double[] yy = y;
    par.forEachChunk(count(), BLOCK, (from, to) -> {
      for (int q = from * n; q < to * n; q++) {
        buffer[q] = scale * (yy[q] - x[q]);
      }
    });
    return view;
  }

  int count() {
    return rows.rows();
  }

  /** Draws level k, at VE time t, from the streams {@code level-noise:k}. */
  void draw(int k, double t, RandomStreams streams, Parallel par) {
    this.t = t;
    this.s2 = sigma0 * sigma0 + t;
    this.s = Math.sqrt(s2);
    this.invS = 1 / s;
    double sqrtT = Math.sqrt(t);
    double zScale = s2 / sqrtT;
    boolean noise = target == RegressionTarget.NOISE;
    double[] x = rows.data();
    double[] y = this.y;
    double[] z = this.z;
    par.forEachChunk(count(), BLOCK, (from, to) -> {
      RandomGenerator rng = streams.stream("level-noise:" + k, from / BLOCK);
      for (int q = from * n; q < to * n; q++) {
        double xi = rng.nextGaussian();
        y[q] = x[q] + sqrtT * xi;
        z[q] = noise ? -xi / sqrtT : y[q] - zScale * xi;
      }
    });
  }
}

package io.diffmix.regression;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.Samples;
import io.diffmix.core.metrics.MmdMetric;
import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The {@code kernel-ridge} learner: at each level, vector-valued kernel ridge regression of the paper's
 * posterior-mean target with a Gaussian RBF kernel, made linear in N by Nyström's approximation.
 *
 * <p>With m landmarks z_l drawn uniformly from the level's noisy points and features φ = (1, y, k(y, z_l)), it
 * solves (ΦᵀΦ + λ N K̃) β = Φᵀ Z, where K̃ is K_mm on the kernel block (the RKHS norm of the Nyström function)
 * and a vanishing jitter on the affine block; one system serves all n outputs. The bandwidth follows the
 * noise level, h = scale·s(t), or is the median heuristic of the level's points. The same regression rows and
 * noise streams as the paper's learner; a cap on rows per level keeps the cost linear.
 */
public final class KernelRidgeLearner implements Learner {
  private static final int CHUNK = 2048;

  /**
   * @param landmarks m
   * @param ridge λ
   * @param bandwidth how h is chosen at each level
   * @param scale the multiple of s(t)
   * @param rowsPerLevel regression rows used at each level
   * @param sigma0 the assumed σ0
   * @param clipRadius D, or NaN for 1.5 × the largest training norm
   */
  public record Config(int landmarks, double ridge, Bandwidth bandwidth, double scale, int rowsPerLevel, double sigma0,
      double clipRadius) {}

  /** The Gaussian kernel's bandwidth h at a level. */
  public enum Bandwidth {
    /** h = scale · s(t), s(t) = √(σ0² + t): the width of the noise the level adds. */
    NOISE,
    /** The median heuristic: the median distance between the level's points and the landmarks. */
    MEDIAN
  }

  private final Config config;

  public KernelRidgeLearner(Config config) {
    this.config = config;
  }

  /**
   * The peak is a level's normal equations: one p × p Gram per chunk of {@link #CHUNK} rows until they are summed,
   * p = 1 + n + m, beside the level's noisy rows and the model's landmarks and coefficients on every level.
   */
  @Override
  public Footprint footprint(Shape shape) {
    int n = shape.dim();
    int rows = Math.min(shape.rows(), config.rowsPerLevel());
    double m = Math.min(config.landmarks(), rows);
    double p = 1 + n + m;
    double chunks = Math.ceil(rows / (double) CHUNK);
    double doubles = (chunks + 2) * (p * p + p * n) + shape.threads() * CHUNK * p + 2.0 * rows * n
        + shape.levels() * (m * n + p * n);
    return new Footprint(Footprint.doubles(doubles), "landmarks", String.format(java.util.Locale.ROOT,
        "%,.0f Gram matrices of %,.0f^2 for %,.0f landmarks in dim %d", chunks, p, m, n));
  }

  @Override
  public FittedModel fit(Input in) {
    Samples train = in.train();
    int n = train.dim();
    int rows = Math.min(train.rows(), config.rowsPerLevel());
    int m = Math.min(config.landmarks(), rows);
    int p = 1 + n + m;
    Schedule schedule = in.schedule();
    double[] times = in.times();
    double clip = ClipRadius.of(config.clipRadius(), train);
    KernelRidgeModel.Level[] levels = new KernelRidgeModel.Level[times.length];
    double[] y = new double[rows * n];
    double[] z = new double[rows * n];
    for (int k = 0; k < times.length; k++) {
      double t = schedule.veTime(times[k]);
      double s2 = config.sigma0() * config.sigma0() + t;
      double sqrtT = Math.sqrt(t);
      RandomGenerator rng = in.streams().stream("kernel-level", k);
      // the level's rows: a fresh draw of training rows, their noise, and the paper's target
      for (int i = 0; i < rows; i++) {
        int r = rows == train.rows() ? i : rng.nextInt(train.rows());
        for (int c = 0; c < n; c++) {
          double xi = rng.nextGaussian();
          y[i * n + c] = train.get(r, c) + sqrtT * xi;
          z[i * n + c] = y[i * n + c] - s2 / sqrtT * xi;
        }
      }
      double[] landmarks = new double[m * n];
      for (int l = 0; l < m; l++) {
        int r = rng.nextInt(rows);
        System.arraycopy(y, r * n, landmarks, l * n, n);
      }
      double h = config.bandwidth() == Bandwidth.MEDIAN
          ? MmdMetric.medianBandwidth(new Samples(y, rows, n), new Samples(landmarks, m, n), 500)
          : config.scale() * Math.sqrt(s2);
      List<double[][]> parts = in.parallel().mapChunks(rows, CHUNK, (from, to) -> {
        double[] phi = new double[(to - from) * p];
        double[] rhs = new double[p * n];
        double[] f = new double[p];
        for (int i = from; i < to; i++) {
          KernelRidgeModel.features(y, i * n, n, landmarks, h, f);
          System.arraycopy(f, 0, phi, (i - from) * p, p);
          for (int a = 0; a < p; a++) {
            for (int c = 0; c < n; c++) {
              rhs[a * n + c] += f[a] * z[i * n + c];
            }
          }
        }
        double[] gram = new double[p * p];
        io.diffmix.core.linalg.BlasBackend.blas().dsyrk("L", "N", p, to - from, 1.0, phi, p, 0.0, gram, p);
        return new double[][] {gram, rhs};
      });
      double[] gram = new double[p * p];
      double[] rhs = new double[p * n];
      for (double[][] part : parts) {
        for (int e = 0; e < gram.length; e++) {
          gram[e] += part[0][e];
        }
        for (int e = 0; e < rhs.length; e++) {
          rhs[e] += part[1][e];
        }
      }
      // λ N K_mm on the kernel block, the RKHS penalty of the Nyström function
      double g = 1 / (2 * h * h);
      for (int a = 0; a < m; a++) {
        for (int b = a; b < m; b++) {
          double d2 = 0;
          for (int c = 0; c < n; c++) {
            double diff = landmarks[a * n + c] - landmarks[b * n + c];
            d2 += diff * diff;
          }
          gram[(1 + n + a) * p + 1 + n + b] += config.ridge() * rows * Math.exp(-g * d2);
        }
      }
      RidgeSolver.solve(gram, p, rhs, n, 1e-10);
      levels[times.length - 1 - k] = new KernelRidgeModel.Level(t, h, landmarks, rhs);
      in.progress().advanced(k + 1, times.length);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("levels", times.length);
    summary.put("cells_total", times.length);
    summary.put("regression_target", "posterior mean: (1 - s^2/t) y + (s^2/t) x");
    summary.put("landmarks", m);
    summary.put("rows_per_level", rows);
    summary.put("bandwidth", config.bandwidth() == Bandwidth.MEDIAN ? "median heuristic"
        : config.scale() + " x s(t)");
    summary.put("clip_radius", clip);
    return new FittedModel(new KernelRidgeModel(levels, n, config.sigma0(), clip), summary);
  }

  /** The {@code kernel-ridge} factory. */
  public static final LearnerFactory<Config> FACTORY = new LearnerFactory.Of<>("kernel-ridge", "Nystrom kernel "
      + "ridge regression of E[mu|y] per level with an RBF kernel whose bandwidth follows the noise", params(),
      KernelRidgeLearner::configure, KernelRidgeLearner::new, (in, registry) -> KernelRidgeModel.readPayload(in));

  private static List<Param> params() {
    return List.of(
        Param.integer("landmarks", 100, "Nystrom landmarks m, drawn uniformly from each level's points")
            .atLeast(1).atMost(20_000),
        Param.real("ridge", 1e-6, "ridge lambda on the RKHS norm, per row").atLeast(0),
        Param.choice("bandwidth", "noise", "noise: h = scale x s(t); median: the median heuristic", "noise",
            "median"),
        Param.real("scale", 1.0, "h as a multiple of s(t) = sqrt(sigma0^2 + t)").greaterThan(0),
        Param.integer("rows_per_level", 10_000, "regression rows per level, drawn from the training rows")
            .atLeast(10).atMost(100_000_000),
        Param.real("sigma0", 1.0, "assumed standard deviation sigma0 of the components").greaterThan(0),
        Param.real("clip_radius", "radius D of the ball the posterior mean is clipped to; null: 1.5 x the "
            + "largest training norm").greaterThan(0).orAuto());
  }

  private static Config configure(Params p) {
    Bandwidth bandwidth = Bandwidth.valueOf(p.text("bandwidth").toUpperCase(java.util.Locale.ROOT));
    return new Config(p.integer("landmarks"), p.real("ridge"), bandwidth, p.real("scale"),
        p.integer("rows_per_level"), p.real("sigma0"), p.isAuto("clip_radius") ? Double.NaN : p.real("clip_radius"));
  }
}

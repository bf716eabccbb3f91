package io.diffmix.regression;

import dev.ludovic.netlib.blas.BLAS;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.data.Samples;
import io.diffmix.core.linalg.BlasBackend;
import io.diffmix.core.linalg.Gram;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.LearnerFactory;
import io.diffmix.core.spi.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The paper's learner (Gatmiry, Kelner and Lee, Algorithm 1 with Algorithm 2): at each level of the grid, from
 * high noise to low, piecewise-polynomial regression of the posterior mean E[μ | y] on the Voronoi cells of
 * the warm starts, which Algorithm 2 refreshes whenever t + 1 has halved.
 *
 * <p>Everything is done in VE coordinates: a level at schedule time t has VE time t_VE = σ²/α², the noisy
 * point is y = x + √t_VE ξ, and the regression target is the paper's (1 − s²/t)y + (s²/t)x with s² = σ0² + t,
 * whose mean given y is E[μ | y] (paper-notes §2, step 3). The learner sees only the training rows: it carves
 * its warm-start batch out of them, and its assumptions (σ0, R0, α_min, c, D) are its own parameters.
 */
public final class PiecewisePolynomialLearner implements Learner {
  /** Rows per Gram task: any value gives the same bits; this one keeps Φ in L2. */
  private static final int GRAM_CHUNK = 2048;
  /** Per-thread buffers of the Gram tasks, reused across tasks and levels. */
  private static final ThreadLocal<GramScratch> SCRATCH = ThreadLocal.withInitial(GramScratch::new);
  /** Rows per noise stream. */
  private static final int NOISE_BLOCK = 4096;

  private final Config config;

  /**
   * @param degree the total degree d of the polynomials
   * @param ridge λ, relative to tr(G)/p
   * @param sigma0 the assumed σ0 of the data
   * @param r0 the assumed radius R0 of a component's support
   * @param alphaMin the assumed smallest component weight
   * @param c the cover constant: the cover radius is c·(R0 + s√ln(1/α_min))
   * @param clipRadius D, or NaN for 1.5 × the largest training norm
   * @param warmStartBatch rows set aside for Algorithm 2
   * @param target "posterior-mean" (the paper's) or "noise" (−ξ/√t, mapped to the posterior mean)
   * @param autoDegrees candidate degrees chosen per level by held-out loss; empty for the fixed {@code degree}
   */
  public record Config(int degree, double ridge, double sigma0, double r0, double alphaMin, double c,
      double clipRadius, int warmStartBatch, String target, List<Integer> autoDegrees) {

    /** The fixed-degree form, with no automatic choice. */
    public Config(int degree, double ridge, double sigma0, double r0, double alphaMin, double c,
        double clipRadius, int warmStartBatch, String target) {
      this(degree, ridge, sigma0, r0, alphaMin, c, clipRadius, warmStartBatch, target, List.of());
    }
  }

  public PiecewisePolynomialLearner(Config config) {
    this.config = config;
  }

  @Override
  public FittedModel fit(Input in) {
    Samples train = in.train();
    int n = train.dim();
    int total = train.rows();
    int nw = Math.max(1, Math.min(config.warmStartBatch(), total / 5));
    int[] perm = permutation(total, in.streams().stream("split"));
    Samples warm = rows(train, perm, 0, nw);
    Samples regression = rows(train, perm, nw, total);
    double clip = ClipRadius.of(config.clipRadius(), train);

    Schedule schedule = in.schedule();
    double[] times = in.times();
    int levels = times.length;
    LevelPolynomials[] fitted = new LevelPolynomials[levels];
    double[] centres = new double[n];
    double lastRefresh = schedule.veTime(times[0]);
    int refreshes = 0;
    List<Map<String, Object>> perLevel = new ArrayList<>();
    Map<String, Integer> solvers = new LinkedHashMap<>();
    double[] y = new double[regression.rows() * n];
    double[] z = new double[regression.rows() * n];
    int cellsTotal = 0;
    for (int k = 0; k < levels; k++) {
      double t = schedule.veTime(times[k]);
      int degree = config.autoDegrees().isEmpty() ? config.degree()
          : chooseDegree(regression, t, centres, k, in.streams(), in.parallel(), y, z, clip);
      LevelFit fit = fitLevel(regression, t, centres, k, in.streams(), in.parallel(), y, z, clip, degree, false);
      fitted[k] = fit.level;
      cellsTotal += fit.level.cells();
      fit.solvers.forEach((m, v) -> solvers.merge(m.name().toLowerCase(java.util.Locale.ROOT), v, Integer::sum));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("t", times[k]);
      row.put("cells", fit.level.cells());
      row.put("cell_sizes", fit.sizes);
      row.put("degrees", fit.level.degrees);
      if (!config.autoDegrees().isEmpty()) {
        row.put("degree_chosen", degree);
      }
      perLevel.add(row);
      // Algorithm 1: when t + 1 has halved since the last refresh, Algorithm 2 gives the next level's warm starts
      if (k + 1 < levels && (lastRefresh + 1) / (t + 1) >= 2) {
        centres = refresh(warm, fit.level, t, k, in.streams(), in.parallel());
        lastRefresh = t;
        refreshes++;
      }
      in.progress().advanced(k + 1, levels);
    }
    LevelPolynomials[] ascending = new LevelPolynomials[levels];
    for (int k = 0; k < levels; k++) {
      ascending[k] = fitted[levels - 1 - k];
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("levels", levels);
    summary.put("cells_total", cellsTotal);
    summary.put("regression_target", config.target().equals("noise")
        ? "noise: -xi/sqrt(t), mapped to the posterior mean" : "posterior mean: (1 - s^2/t) y + (s^2/t) x");
    summary.put("warm_start_rows", warm.rows());
    summary.put("regression_rows", regression.rows());
    summary.put("refreshes", refreshes);
    summary.put("clip_radius", clip);
    summary.put("solvers", solvers);
    summary.put("gram_kernel", Gram.scalar().name() + " below " + Gram.SMALL + " columns, "
        + (BlasBackend.isNative() ? "BLAS dsyrk (" + BlasBackend.name() + ")" : Gram.best().name()) + " from there");
    summary.put("per_level", perLevel);
    return new FittedModel(new PiecewisePolynomialModel(ascending, config.sigma0()), summary);
  }

  /** Algorithm 2: denoise fresh points of P_t with the level's model, then the greedy cover. */
  private double[] refresh(Samples warm, LevelPolynomials level, double t, int k, RandomStreams streams,
      Parallel par) {
    int n = warm.dim();
    double[] mu = new double[warm.rows() * n];
    double sqrtT = Math.sqrt(t);
    // fresh points of P_t, denoised by the level's model, block by block from the block's own stream
    par.forEachChunk(warm.rows(), NOISE_BLOCK, (from, to) -> {
      RandomGenerator rng = streams.stream("warm-start:" + k, from / NOISE_BLOCK);
      double[] y = new double[(to - from) * n];
      for (int i = from; i < to; i++) {
        for (int c = 0; c < n; c++) {
          y[(i - from) * n + c] = warm.get(i, c) + sqrtT * rng.nextGaussian();
        }
      }
      double[] g = new double[y.length];
      level.posteriorMeans(y, to - from, g, level.batch());
      System.arraycopy(g, 0, mu, from * n, g.length);
    });
    double s = Math.sqrt(config.sigma0() * config.sigma0() + t);
    double radius = config.c() * (config.r0() + s * Math.sqrt(Math.log(1 / config.alphaMin())));
    return WarmStarts.cover(mu, warm.rows(), n, radius, config.alphaMin(), par);
  }

  private record LevelFit(LevelPolynomials level, int[] sizes, Map<RidgeSolver.Method, Integer> solvers) {}

  /** One level: noise, Voronoi cells, a Gram per cell, a ridge solve per cell. */
  private LevelFit fitLevel(Samples reg, double t, double[] centresIn, int k, RandomStreams streams,
      Parallel par, double[] y, double[] z, double clip, int maxDegree, boolean holdOut) {
    int n = reg.dim();
    int rows = reg.rows();
    double s2 = config.sigma0() * config.sigma0() + t;
    double s = Math.sqrt(s2);
    boolean noiseTarget = config.target().equals("noise");
    double sqrtT = Math.sqrt(t);
    // y = x + √t ξ from per-block streams; target (1 − s²/t) y + (s²/t) x = y − (s²/√t) ξ, or −ξ/√t. The same
    // pass finds each row's Voronoi cell and counts each block's rows per cell.
    double zScale = s2 / sqrtT;
    double[] centres = centresIn;
    int[] cell = new int[rows];
    int[] size;
    int firstCells = centres.length / n;
    List<int[]> blockSizes = par.mapChunks(rows, NOISE_BLOCK, (from, to) -> {
      RandomGenerator rng = streams.stream("level-noise:" + k, from / NOISE_BLOCK);
      double[] x = reg.data();
      for (int q = from * n; q < to * n; q++) {
        double xi = rng.nextGaussian();
        y[q] = x[q] + sqrtT * xi;
        z[q] = noiseTarget ? -xi / sqrtT : y[q] - zScale * xi;
      }
      return cellsOf(centresIn, n, y, cell, from, to, holdOut, firstCells);
    });
    while (true) {
      int cellsNow = centres.length / n;
      size = new int[cellsNow];
      for (int[] counts : blockSizes) {
        for (int j = 0; j < cellsNow; j++) {
          size[j] += counts[j];
        }
      }
      // a cell with almost no points merges into its neighbours: its warm start is dropped
      int smallest = -1;
      for (int j = 0; j < cellsNow; j++) {
        if (size[j] < 2 * (n + 1) && (smallest < 0 || size[j] < size[smallest])) {
          smallest = j;
        }
      }
      if (smallest < 0 || cellsNow == 1) {
        break;
      }
      double[] kept = new double[(cellsNow - 1) * n];
      for (int j = 0, q = 0; j < cellsNow; j++) {
        if (j != smallest) {
          System.arraycopy(centres, j * n, kept, q++ * n, n);
        }
      }
      centres = kept;
      double[] cs = centres;
      blockSizes = par.mapChunks(rows, NOISE_BLOCK, (from, to) -> cellsOf(cs, n, y, cell, from, to, holdOut,
          cs.length / n));
    }
    int cells = centres.length / n;
    // each cell's rows in row order: block b writes its rows of cell j from the sum of the earlier blocks' counts
    int[][] members = new int[cells][];
    for (int j = 0; j < cells; j++) {
      members[j] = new int[size[j]];
    }
    int[][] offsets = new int[blockSizes.size()][cells];
    for (int b = 1; b < offsets.length; b++) {
      for (int j = 0; j < cells; j++) {
        offsets[b][j] = offsets[b - 1][j] + blockSizes.get(b - 1)[j];
      }
    }
    par.forEachChunk(rows, NOISE_BLOCK, (from, to) -> {
      int[] fill = offsets[from / NOISE_BLOCK].clone();
      for (int i = from; i < to; i++) {
        if (!(holdOut && heldOut(i))) {
          members[cell[i]][fill[cell[i]]++] = i;
        }
      }
    });
    int[] degrees = new int[cells];
    List<int[]> tasks = new ArrayList<>();
    for (int j = 0; j < cells; j++) {
      // fewer than about 5p points: a lower degree, down to a constant
      int d = maxDegree;
      while (d > 0 && size[j] < 5 * HermiteBasis.size(n, d)) {
        d--;
      }
      degrees[j] = d;
      for (int from = 0; from < Math.max(1, size[j]); from += GRAM_CHUNK) {
        tasks.add(new int[] {j, from, Math.min(size[j], from + GRAM_CHUNK)});
      }
    }
    HermiteBasis[] bases = new HermiteBasis[maxDegree + 1];
    for (int d = 0; d <= maxDegree; d++) {
      bases[d] = HermiteBasis.of(n, d);
    }
    double[] cfinal = centres;
    double invS = 1 / s;
    // each task returns the upper triangle of [Φ Z]ᵀ[Φ Z] over its rows: ΦᵀΦ and, beside it, ΦᵀZ, so one
    // kernel call gives the Gram and the right-hand sides of all n output columns
    List<double[]> partial = par.mapChunks(tasks.size(), 1, (ti, unused) -> {
      int[] task = tasks.get(ti);
      int j = task[0];
      HermiteBasis basis = bases[degrees[j]];
      int p = basis.size();
      int q = p + n;
      // rows padded to whole vectors: the padding is never read into G, and aligned rows load faster
      int ld = (q + 3) & ~3;
      int m = task[2] - task[1];
      GramScratch w = SCRATCH.get().ensure(m * ld, n, basis);
      double[] xz = w.block;
      buildBlock(basis, members[j], task[1], m, ld, y, z, cfinal, j, invS, w);
      double[] g = new double[q * q];
      if (m > 0) {
        if (q >= Gram.SMALL && BlasBackend.isNative()) {
          // native OpenBLAS's dsyrk, 1.0 to 1.15 times numpy's X.T @ X where core's Vector API kernel is 0.75 to
          // 0.9 (scripts/gram-vs-numpy.sh); xz is q × m column-major with leading dimension ld, and "L" in
          // column-major is the upper triangle in row-major. Provenance records the backend, since the bits
          // are the backend's.
          BLAS.getInstance().dsyrk("L", "N", q, m, 1.0, xz, ld, 0.0, g, q);
        } else {
          Gram.forColumns(q).accumulateUpper(xz, 0, m, q, ld, g);
        }
      }
      return g;
    });
    double[][] coefficients = new double[cells][];
    Map<RidgeSolver.Method, Integer> methods = new LinkedHashMap<>();
    int t0 = 0;
    for (int j = 0; j < cells; j++) {
      int p = bases[degrees[j]].size();
      int qa = p + n;
      int t1 = t0;
      while (t1 < tasks.size() && tasks.get(t1)[0] == j) {
        t1++;
      }
      double[] sum = sumInOrder(partial, t0, t1, qa * qa);
      t0 = t1;
      double[] gram = new double[p * p];
      double[] rhs = new double[p * n];
      for (int a = 0; a < p; a++) {
        System.arraycopy(sum, a * qa + a, gram, a * p + a, p - a);
        System.arraycopy(sum, a * qa + p, rhs, a * n, n);
      }
      methods.merge(RidgeSolver.solve(gram, p, rhs, n, config.ridge()), 1, Integer::sum);
      if (noiseTarget) {
        toPosteriorMean(rhs, p, n, s, s2, cfinal, j, bases[degrees[j]]);
      }
      coefficients[j] = rhs;
    }
    return new LevelFit(new LevelPolynomials(t, s, n, centres, degrees, coefficients, clip), size, methods);
  }

  /**
   * The sum of parts [from, to) in their order. Its own method, like the other loops of a level, so that
   * fitLevel stays small: the JIT compiled it whole, with everything inlined, for over a second of a 2-core
   * machine's time.
   */
  private static double[] sumInOrder(List<double[]> parts, int from, int to, int length) {
    double[] sum = new double[length];
    for (int t = from; t < to; t++) {
      double[] part = parts.get(t);
      for (int e = 0; e < length; e++) {
        sum[e] += part[e];
      }
    }
    return sum;
  }

  /** Each row's nearest warm start (its Voronoi cell) for rows [from, to), and the block's count per cell. */
  private static int[] cellsOf(double[] centres, int n, double[] y, int[] cell, int from, int to, boolean holdOut,
      int cells) {
    int[] counts = new int[cells];
    double[] d2 = new double[LevelPolynomials.BLOCK];
    double[] best = new double[LevelPolynomials.BLOCK];
    for (int b = from; b < to; b += LevelPolynomials.BLOCK) {
      LevelPolynomials.nearestRows(centres, n, y, b, Math.min(LevelPolynomials.BLOCK, to - b), cell, b, d2, best);
    }
    for (int i = from; i < to; i++) {
      if (!(holdOut && heldOut(i))) {
        counts[cell[i]]++;
      }
    }
    return counts;
  }

  /** Every tenth regression row is held out when a degree is chosen. */
  private static boolean heldOut(int row) {
    return row % 10 == 9;
  }

  /**
   * {@code degree: "auto"}: fits each candidate degree on nine tenths of the level's rows and keeps the one with
   * the smallest squared error on the other tenth (paper-notes §5: a higher degree helps for large t and hurts
   * near t = 0, where the target is mostly noise).
   */
  private int chooseDegree(Samples reg, double t, double[] centres, int k, RandomStreams streams, Parallel par,
      double[] y, double[] z, double clip) {
    int n = reg.dim();
    int best = config.autoDegrees().get(0);
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int d : config.autoDegrees()) {
      LevelPolynomials level = fitLevel(reg, t, centres, k, streams, par, y, z, clip, d, true).level;
      List<Double> parts = par.mapChunks(reg.rows(), NOISE_BLOCK, (from, to) -> {
        int[] rows = java.util.stream.IntStream.range(from, to).filter(PiecewisePolynomialLearner::heldOut).toArray();
        double[] yh = new double[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
          System.arraycopy(y, rows[r] * n, yh, r * n, n);
        }
        double[] f = new double[yh.length];
        level.posteriorMeans(yh, rows.length, f, level.batch());
        double loss = 0;
        for (int r = 0; r < rows.length; r++) {
          for (int c = 0; c < n; c++) {
            double e = f[r * n + c] - z[rows[r] * n + c];
            loss += e * e;
          }
        }
        return loss;
      });
      double loss = 0;
      for (double p : parts) {
        loss += p;
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        best = d;
      }
    }
    return best;
  }

  /**
   * Maps a fitted score ĥ to the posterior mean ĝ(y) = y + s²ĥ(y): y = μ̂_j + s·z, and z_c = h_{e_c}(z) is a
   * basis function of degree 1, so the identity folds into the constant and linear coefficients.
   */
  private static void toPosteriorMean(double[] coef, int p, int n, double s, double s2, double[] centres, int j,
      HermiteBasis basis) {
    for (int e = 0; e < coef.length; e++) {
      coef[e] *= s2;
    }
    for (int c = 0; c < n; c++) {
      coef[c] += centres[j * n + c];
    }
    if (basis.degree() >= 1) {
      // features 1..n are h_1(z_1)..h_1(z_n) = z_1..z_n in the graded order
      for (int c = 0; c < n; c++) {
        coef[(1 + c) * n + c] += s;
      }
    }
  }

  private static int[] permutation(int n, RandomGenerator rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  private static Samples rows(Samples s, int[] perm, int from, int to) {
    int n = s.dim();
    Samples out = Samples.zeros(to - from, n);
    for (int i = from; i < to; i++) {
      System.arraycopy(s.data(), perm[i] * n, out.data(), (i - from) * n, n);
    }
    return out;
  }

  /**
   * Rows [first, first + m) of a cell's members as [Φ Z], row-major with leading dimension ld, into w.block:
   * the Hermite features of (y − μ̂_j)/s, then the regression target. The features come from the basis's batch
   * form, {@link LevelPolynomials#BLOCK} rows at a time, so each step runs across rows; the values are the
   * per-point ones to the bit.
   */
  private static void buildBlock(HermiteBasis basis, int[] rowsOfCell, int first, int m, int ld, double[] y,
      double[] z, double[] centres, int j, double invS, GramScratch w) {
    int n = w.n;
    int p = basis.size();
    int stride = LevelPolynomials.BLOCK;
    double[] xz = w.block;
    for (int r0 = 0; r0 < m; r0 += stride) {
      int mb = Math.min(stride, m - r0);
      for (int c = 0; c < n; c++) {
        double mu = centres[j * n + c];
        for (int k = 0; k < mb; k++) {
          w.zs[c * stride + k] = (y[rowsOfCell[first + r0 + k] * n + c] - mu) * invS;
        }
      }
      basis.evaluate(w.zs, mb, stride, w.unis, w.phis);
      for (int k = 0; k < mb; k++) {
        int row = (r0 + k) * ld;
        for (int f = 0; f < p; f++) {
          xz[row + f] = w.phis[f * stride + k];
        }
        int i = rowsOfCell[first + r0 + k];
        for (int c = 0; c < n; c++) {
          xz[row + p + c] = z[i * n + c];
        }
      }
    }
  }

  /** One thread's buffers for the Gram tasks: the [Φ Z] block, the centred point and the univariate values. */
  private static final class GramScratch {
    int n;
    double[] block = new double[0];
    /** Coordinate-major centred points, univariate values and features of up to BLOCK rows. */
    double[] zs = new double[0];
    double[] unis = new double[0];
    double[] phis = new double[0];

    GramScratch ensure(int blockSize, int n, HermiteBasis basis) {
      this.n = n;
      int stride = LevelPolynomials.BLOCK;
      if (block.length < blockSize) {
        block = new double[blockSize];
      }
      if (zs.length < n * stride) {
        zs = new double[n * stride];
      }
      if (unis.length < basis.scratchSize() * stride) {
        unis = new double[basis.scratchSize() * stride];
      }
      if (phis.length < basis.size() * stride) {
        phis = new double[basis.size() * stride];
      }
      return this;
    }
  }

  /** The {@code piecewise-polynomial} factory. */
  public static final class Factory implements LearnerFactory<Config> {
    @Override
    public String name() {
      return "piecewise-polynomial";
    }

    @Override
    public String description() {
      return "the paper's learner: Hermite-polynomial regression of E[mu|y] on Voronoi cells of warm starts, "
          + "level by level, with Algorithm 2's refresh whenever t+1 halves";
    }

    @Override
    public List<Param> params() {
      return List.of(
          Param.integer("degree", 3, "total degree d of each cell's polynomial, or \"auto\": chosen per level from "
              + "`degrees` by held-out loss").atLeast(0).atMost(12).orKeyword("auto"),
          new Param("degrees", Param.Kind.REAL_LIST,
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(1.0).add(2.0).add(3.0).add(4.0),
              "candidate degrees for degree \"auto\"", 0, false, 12, false, List.of()),
          Param.real("ridge", 1e-6, "ridge lambda, relative to tr(G)/p").atLeast(0).atMost(1),
          Param.real("sigma0", 1.0, "assumed standard deviation sigma0 of the components").greaterThan(0),
          Param.real("r0", 1.0, "assumed radius R0 of a component's support").atLeast(0),
          Param.real("alpha_min", 0.05, "assumed smallest component weight").greaterThan(0).lessThan(1),
          Param.real("c", 0.5, "cover constant: radius c (R0 + s sqrt(ln(1/alpha_min)))").greaterThan(0),
          Param.real("clip_radius", "radius D of the ball the posterior mean is clipped to; "
              + "null: 1.5 x the largest training norm").greaterThan(0).orAuto(),
          Param.integer("warm_start_batch", 4000, "training rows set aside for Algorithm 2 (at most a fifth)")
              .atLeast(1).atMost(1_000_000),
          Param.choice("target", "posterior-mean", "regression target: the paper's posterior-mean form, or "
              + "the noise -xi/sqrt(t); they differ only through the ridge", "posterior-mean", "noise"));
    }

    @Override
    public Config configure(Params p) {
      List<Integer> candidates = List.of();
      int degree;
      if (p.isKeyword("degree", "auto")) {
        List<Integer> list = new java.util.ArrayList<>();
        for (double d : p.realList("degrees")) {
          if (d != Math.rint(d)) {
            throw p.error("degrees", d + " is not an integer; valid: integers from 0 to 12");
          }
          if (!list.contains((int) d)) {
            list.add((int) d);
          }
        }
        candidates = List.copyOf(list);
        degree = java.util.Collections.max(candidates);
      } else {
        degree = p.integer("degree");
      }
      return new Config(degree, p.real("ridge"), p.real("sigma0"), p.real("r0"), p.real("alpha_min"),
          p.real("c"), p.isAuto("clip_radius") ? Double.NaN : p.real("clip_radius"), p.integer("warm_start_batch"),
          p.text("target"), candidates);
    }

    @Override
    public Learner create(Config config) {
      return new PiecewisePolynomialLearner(config);
    }

    @Override
    public io.diffmix.core.score.ScoreModel readModel(java.io.DataInputStream in,
        io.diffmix.core.registry.Registry registry) throws java.io.IOException {
      return PiecewisePolynomialModel.readPayload(in);
    }
  }
}

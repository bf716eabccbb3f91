package io.diffmix.regression.piecewise;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.Permutation;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Learner;
import io.diffmix.regression.ClipRadius;
import java.util.List;

/**
 * The paper's learner, Algorithm 1 (Gatmiry, Kelner and Lee; docs/algorithm.md §2): at each level of the grid,
 * from high noise to low, piecewise-polynomial regression of the posterior mean E[μ | y] on the Voronoi cells of
 * the warm starts, which Algorithm 2 ({@link WarmStartRefresh}) refreshes whenever t + 1 has halved.
 *
 * <p>Everything is done in VE coordinates: a level at schedule time t has VE time t_VE = σ²/α². One level is
 * three steps, each a class: the noisy points and their target ({@link NoisyLevel}), their cells
 * ({@link VoronoiCells}) and a regression in each cell ({@link CellRegression}); {@link DegreeSelection} chooses
 * the degree first when it is "auto". The learner sees only the training rows: it carves its warm-start batch out
 * of them, and its assumptions about the data are its own parameters.
 */
public final class PiecewisePolynomialLearner implements Learner {
  private final Config config;

  /**
   * The total degree d of the polynomials: fixed, or chosen per level among {@code candidates} when there are any
   * (then {@code max} is their largest).
   */
  public record Degree(int max, List<Integer> candidates) {
    public static Degree fixed(int d) {
      return new Degree(d, List.of());
    }

    boolean isAuto() {
      return !candidates.isEmpty();
    }
  }

  /**
   * How each cell's regression is estimated.
   *
   * @param ridge λ, relative to tr(G)/p
   * @param target what the polynomials are fitted to
   * @param varianceReduction how the small-noise levels' noise is reduced
   */
  public record Estimator(double ridge, RegressionTarget target, VarianceReduction varianceReduction) {}

  /**
   * @param clipRadius D, or NaN for 1.5 × the largest training norm
   * @param warmStartBatch rows set aside for Algorithm 2
   * @param boundaryBlend b: the served model blends each level's cells across their boundaries with width b·s
   *     ({@link SoftCells}); 0 keeps the paper's hard cells. The fit itself always uses hard cells.
   */
  public record Config(Degree degree, Estimator estimator, Assumptions assumptions, double clipRadius,
      int warmStartBatch, double boundaryBlend) {}

  public PiecewisePolynomialLearner(Config config) {
    this.config = config;
  }

  /** One warm start, and 5 rows for a constant, degree-0, fit: the 5p rule's least. */
  @Override
  public int minTrainRows() {
    return 6;
  }

  @Override
  public String minTrainRowsReason() {
    return "a warm start, and 5 rows for a degree-0 fit by the 5p rule";
  }

  @Override
  public Footprint footprint(Shape shape) {
    return FitFootprint.of(config, shape);
  }

  /**
   * What one fit keeps from level to level.
   *
   * @param variateBuffer the control variate's rows, or null when the fit uses none
   */
  private record Fit(NoisyLevel noisy, CellRegression regression, RandomStreams streams, Parallel par,
      double[] variateBuffer) {

    /** The level's control variate, or null above its threshold or when the fit uses none. */
    ControlVariate variate(double t, double sigma0, HoldOut holdOut) {
      return variateBuffer == null || !(t < ControlVariate.BELOW * sigma0 * sigma0) ? null
          : ControlVariate.of(noisy, variateBuffer, holdOut, par);
    }
  }

  @Override
  public FittedModel fit(Input in) {
    Samples train = in.train();
    int nw = Math.max(1, Math.min(config.warmStartBatch(), train.rows() / 5));
    int[] perm = Permutation.of(train.rows(), in.streams().stream("split"));
    Samples warm = rows(train, perm, 0, nw);
    Samples regression = rows(train, perm, nw, train.rows());
    double clip = ClipRadius.of(config.clipRadius(), train);
    Fit fit = new Fit(new NoisyLevel(regression, config.assumptions().sigma0(), config.estimator().target()),
        new CellRegression(config.estimator().ridge(), config.estimator().target(), clip), in.streams(), in.parallel(),
        config.estimator().varianceReduction().controlVariate() ? new double[regression.data().length] : null);
    WarmStartRefresh refresh = new WarmStartRefresh(warm, config.assumptions(), in.streams(), in.parallel());
    FitSummary summary = new FitSummary(config.degree().isAuto(), config.estimator().target(), clip);

    int levels = in.times().length;
    LevelPolynomials[] ascending = new LevelPolynomials[levels];
    double[] warmStarts = new double[train.dim()];
    double lastRefresh = in.schedule().veTime(in.times()[0]);
    LevelFit frozen = null;
    for (int k = 0; k < levels; k++) {
      double t = in.schedule().veTime(in.times()[k]);
      LevelFit level = frozen != null ? frozenAt(frozen, t) : fitLevel(fit, k, t, warmStarts);
      if (frozen == null && freezes(t)) {
        frozen = level;
      }
      ascending[levels - 1 - k] = level.result().level();
      summary.add(in.times()[k], level);
      // when t + 1 has halved since the last refresh, Algorithm 2 gives the next level's warm starts
      if (k + 1 < levels && (lastRefresh + 1) / (t + 1) >= 2) {
        warmStarts = refresh.after(level.result().level(), k);
        lastRefresh = t;
        summary.refreshed();
      }
      in.progress().advanced(k + 1, levels);
    }
    for (int k = 0; k < levels; k++) {
      ascending[k] = ascending[k].withBlend(config.boundaryBlend());
    }
    return new FittedModel(new PiecewisePolynomialModel(ascending, config.assumptions().sigma0()),
        summary.toMap(warm.rows(), regression.rows()));
  }

  /** Whether the fit holds its posterior mean from level t on (variance reduction "freeze"). */
  private boolean freezes(double t) {
    double sigma0 = config.assumptions().sigma0();
    return config.estimator().varianceReduction().freezes() && t < VarianceReduction.FREEZE_BELOW * sigma0 * sigma0;
  }

  /** The frozen level's polynomials at level t: no regression, no solve. */
  private static LevelFit frozenAt(LevelFit frozen, double t) {
    CellRegression.Result r = frozen.result();
    return new LevelFit(new CellRegression.Result(r.level().at(t), java.util.Map.of()), frozen.sizes(),
        frozen.chosenDegree());
  }

  /** Steps 2 to 4 of Algorithm 1 at level k: the noisy points, their cells, and a regression in each cell. */
  private LevelFit fitLevel(Fit fit, int k, double t, double[] warmStarts) {
    fit.noisy().draw(k, t, fit.streams(), fit.par());
    double sigma0 = config.assumptions().sigma0();
    int degree = config.degree().max();
    int chosen = 0;
    if (config.degree().isAuto()) {
      VoronoiCells nineTenths = VoronoiCells.of(warmStarts, fit.noisy(), HoldOut.EVERY_TENTH, fit.par());
      degree = DegreeSelection.choose(config.degree().candidates(), fit.noisy(), nineTenths, fit.regression(),
          fit.variate(t, sigma0, HoldOut.EVERY_TENTH), fit.par());
      chosen = degree;
    }
    VoronoiCells cells = VoronoiCells.of(warmStarts, fit.noisy(), HoldOut.NONE, fit.par());
    ControlVariate variate = fit.variate(t, sigma0, HoldOut.NONE);
    return new LevelFit(fit.regression().fit(fit.noisy(), cells, degree, fit.par(), variate), cells.size, chosen);
  }

  private static Samples rows(Samples s, int[] perm, int from, int to) {
    int n = s.dim();
    Samples out = Samples.zeros(to - from, n);
    for (int i = from; i < to; i++) {
      System.arraycopy(s.data(), perm[i] * n, out.data(), (i - from) * n, n);
    }
    return out;
  }
}

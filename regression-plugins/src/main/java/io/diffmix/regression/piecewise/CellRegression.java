package io.diffmix.regression.piecewise;

import io.diffmix.core.linalg.Gram;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.regression.RidgeSolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression in every cell of a level (docs/algorithm.md §2, step 3.3): the cell's degree, lowered from the
 * level's until the cell has at least 5p points for its p features (down to a constant); the Gram of [Φ Z] over
 * the cell's members, which holds ΦᵀΦ and beside it ΦᵀZ, so one kernel call gives the normal equations of all n
 * output columns; the ridge solve of (ΦᵀΦ + λ·tr(ΦᵀΦ)/p·I) B = ΦᵀZ; and the target's mapping to the posterior mean.
 *
 * <p>The Grams are summed over tasks of {@link #TASK_ROWS} members each, in member order, so the bits depend
 * neither on the thread count nor on how the tasks are scheduled.
 */
final class CellRegression {
  /** Members per Gram task: any value gives the same bits; this one keeps a task's [Φ Z] in L2. */
  static final int TASK_ROWS = 2048;

  private final double ridge;
  private final RegressionTarget target;
  private final double clip;

  /** @param clip the radius D the fitted posterior mean is clipped to */
  CellRegression(double ridge, RegressionTarget target, double clip) {
    this.ridge = ridge;
    this.target = target;
    this.clip = clip;
  }

  /** A fitted level, and how many cells each solve method served. */
  record Result(LevelPolynomials level, Map<RidgeSolver.Method, Integer> solvers) {}

  /** Members [from, to) of cell j: one Gram task. */
  private record Task(int cell, int from, int to) {}

  Result fit(NoisyLevel level, VoronoiCells cells, int maxDegree, Parallel par) {
    return fit(level, cells, maxDegree, par, null);
  }

  /** As above, with the control variate added to each cell's right-hand side when {@code variate} is given. */
  Result fit(NoisyLevel level, VoronoiCells cells, int maxDegree, Parallel par, ControlVariate variate) {
    int[] degrees = degrees(cells, maxDegree, level.n);
    double[][] correction = variate == null ? null : variate.sums(cells, degrees, par);
    double[][] centres = new double[cells.count()][];
    for (int j = 0; j < centres.length; j++) {
      centres[j] = cells.centre(j);
    }
    List<Task> tasks = tasks(cells);
    List<double[]> grams = par.mapChunks(tasks.size(), 1,
        (i, unused) -> gram(tasks.get(i), degrees[tasks.get(i).cell()], cells, centres, level));
    double[][] coefficients = new double[cells.count()][];
    Map<RidgeSolver.Method, Integer> solvers = new LinkedHashMap<>();
    int first = 0;
    for (int j = 0; j < cells.count(); j++) {
      int last = first;
      while (last < tasks.size() && tasks.get(last).cell() == j) {
        last++;
      }
      int p = HermiteBasis.size(level.n, degrees[j]);
      double[] sum = sum(grams, first, last);
      if (correction != null) {
        addToRightHandSide(sum, correction[j], p, level.n);
      }
      coefficients[j] = solve(sum, p, level.n, solvers);
      target.toPosteriorMean(coefficients[j], centres[j], degrees[j], level.s, level.s2);
      first = last;
    }
    return new Result(new LevelPolynomials(level.t, level.s, cells.centres, degrees, coefficients, clip), solvers);
  }

  /** The 5p rule: each cell's degree, lowered from {@code maxDegree} while it has fewer than 5p points. */
  static int[] degrees(VoronoiCells cells, int maxDegree, int n) {
    int[] degrees = new int[cells.count()];
    for (int j = 0; j < degrees.length; j++) {
      degrees[j] = fiveP(maxDegree, cells.size[j], n);
    }
    return degrees;
  }

  /** The degree of a cell of {@code rows} points: {@code maxDegree}, lowered while rows < 5p. */
  static int fiveP(int maxDegree, int rows, int n) {
    int d = maxDegree;
    // 5L: in high dimensions 5p overflows an int, and a cell would keep a degree it cannot fit
    while (d > 0 && rows < 5L * HermiteBasis.size(n, d)) {
      d--;
    }
    return d;
  }

  /** Each cell's members in tasks of at most TASK_ROWS, cell by cell; an empty cell still has one, empty, task. */
  private static List<Task> tasks(VoronoiCells cells) {
    List<Task> tasks = new ArrayList<>();
    for (int j = 0; j < cells.count(); j++) {
      for (int from = 0; from < Math.max(1, cells.size[j]); from += TASK_ROWS) {
        tasks.add(new Task(j, from, Math.min(cells.size[j], from + TASK_ROWS)));
      }
    }
    return tasks;
  }

  /** The upper triangle of [Φ Z]ᵀ[Φ Z] over one task's members, (p + n) × (p + n). */
  private static double[] gram(Task task, int degree, VoronoiCells cells, double[][] centres, NoisyLevel level) {
    HermiteBasis basis = HermiteBasis.of(level.n, degree);
    int q = basis.size() + level.n;
    int m = task.to() - task.from();
    double[] g = new double[q * q];
    if (m > 0) {
      FeatureBlock block = FeatureBlock.get()
          .fill(basis, cells.members[task.cell()], task.from(), m, centres[task.cell()], level);
      Gram.forColumns(q).accumulateUpper(block.rows, 0, m, q, block.ld, g);
    }
    return g;
  }

  /** The sum of grams [from, to), in their order. */
  private static double[] sum(List<double[]> grams, int from, int to) {
    double[] sum = new double[grams.get(from).length];
    for (int t = from; t < to; t++) {
      double[] part = grams.get(t);
      for (int e = 0; e < sum.length; e++) {
        sum[e] += part[e];
      }
    }
    return sum;
  }

  /** Adds a p × n correction to the ΦᵀZ block of a cell's (p + n)² [Φ Z] Gram. */
  private static void addToRightHandSide(double[] sum, double[] correction, int p, int n) {
    int q = p + n;
    for (int a = 0; a < p; a++) {
      for (int c = 0; c < n; c++) {
        sum[a * q + p + c] += correction[a * n + c];
      }
    }
  }

  /** Splits a cell's [Φ Z] Gram into ΦᵀΦ and ΦᵀZ and solves the ridge equations: the p × n coefficients. */
  private double[] solve(double[] sum, int p, int n, Map<RidgeSolver.Method, Integer> solvers) {
    int q = p + n;
    double[] gram = new double[p * p];
    double[] rhs = new double[p * n];
    for (int a = 0; a < p; a++) {
      System.arraycopy(sum, a * q + a, gram, a * p + a, p - a);
      System.arraycopy(sum, a * q + p, rhs, a * n, n);
    }
    solvers.merge(RidgeSolver.solve(gram, p, rhs, n, ridge), 1, Integer::sum);
    return rhs;
  }
}

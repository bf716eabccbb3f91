package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestTargets;
import io.diffmix.regression.RidgeSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each step of one level of Algorithm 1 against its plain form, bit for bit: the noisy points and their target,
 * the Voronoi cells with the merge of small cells, the regression in each cell, and the degree "auto" chooses.
 * The plain forms are the formulas of the step, row by row and in row order, without blocks, batches, tasks or
 * threads; the fast forms must give the same doubles for 1 and 2 threads.
 */
class LevelStepsTest {
  private static final double SIGMA0 = 1.0;

  /** y = x + √t ξ and z = y − (s²/√t) ξ (or −ξ/√t), ξ from stream "level-noise:k" of each 4096-row block. */
  private static double[][] plainNoisyLevel(Samples x, int k, double t, RandomStreams streams, RegressionTarget target) {
    int n = x.dim();
    double[] y = new double[x.rows() * n];
    double[] z = new double[y.length];
    double sqrtT = Math.sqrt(t);
    double s2 = SIGMA0 * SIGMA0 + t;
    RandomGenerator rng = null;
    for (int i = 0; i < x.rows(); i++) {
      if (i % NoisyLevel.BLOCK == 0) {
        rng = streams.stream("level-noise:" + k, i / NoisyLevel.BLOCK);
      }
      for (int c = 0; c < n; c++) {
        double xi = rng.nextGaussian();
        y[i * n + c] = x.get(i, c) + sqrtT * xi;
        z[i * n + c] = target == RegressionTarget.NOISE ? -xi / sqrtT : y[i * n + c] - s2 / sqrtT * xi;
      }
    }
    return new double[][] {y, z};
  }

  /** The nearest centre of point i of y, the lower index on a tie. */
  private static int nearest(double[] centres, int n, double[] y, int i) {
    int best = 0;
    double bestD2 = Double.POSITIVE_INFINITY;
    for (int j = 0; j < centres.length / n; j++) {
      double d2 = 0;
      for (int c = 0; c < n; c++) {
        double diff = y[i * n + c] - centres[j * n + c];
        d2 += diff * diff;
      }
      if (d2 < bestD2) {
        best = j;
        bestD2 = d2;
      }
    }
    return best;
  }

  /**
   * The cells: each point's nearest centre; while a cell has fewer than 2(n + 1) fitted points and more than one
   * cell is left, drop the centre of the smallest (the first on a tie) and assign again; members in row order.
   */
  private static List<List<Integer>> plainCells(double[] warmStarts, double[] y, int n, HoldOut holdOut,
      List<double[]> centresOut) {
    List<double[]> centres = new ArrayList<>();
    for (int j = 0; j < warmStarts.length / n; j++) {
      centres.add(java.util.Arrays.copyOfRange(warmStarts, j * n, j * n + n));
    }
    while (true) {
      double[] flat = flatten(centres, n);
      List<List<Integer>> members = new ArrayList<>();
      centres.forEach(c -> members.add(new ArrayList<>()));
      for (int i = 0; i < y.length / n; i++) {
        if (!holdOut.heldOut(i)) {
          members.get(nearest(flat, n, y, i)).add(i);
        }
      }
      int smallest = -1;
      for (int j = 0; j < members.size(); j++) {
        if (members.get(j).size() < 2 * (n + 1)
            && (smallest < 0 || members.get(j).size() < members.get(smallest).size())) {
          smallest = j;
        }
      }
      if (smallest < 0 || centres.size() == 1) {
        centresOut.addAll(centres);
        return members;
      }
      centres.remove(smallest);
    }
  }

  private static double[] flatten(List<double[]> rows, int n) {
    double[] out = new double[rows.size() * n];
    for (int j = 0; j < rows.size(); j++) {
      System.arraycopy(rows.get(j), 0, out, j * n, n);
    }
    return out;
  }

  /**
   * One cell's coefficients: the 5p degree rule; for each member, the features of (y − μ̂)/s point by point and
   * the target; the Gram of [Φ Z] as fused multiply-adds over the members in order, restarted from zero every
   * 2048 members and those partial Grams added in order; then the ridge solve and the target's mapping.
   */
  private static double[] plainCell(List<Integer> members, double[] centre, double[] y, double[] z, double t,
      int maxDegree, RegressionTarget target) {
    int n = centre.length;
    int d = maxDegree;
    while (d > 0 && members.size() < 5 * HermiteBasis.size(n, d)) {
      d--;
    }
    HermiteBasis basis = HermiteBasis.of(n, d);
    int p = basis.size();
    int q = p + n;
    double s = Math.sqrt(SIGMA0 * SIGMA0 + t);
    double invS = 1 / s;
    double[] sum = new double[q * q];
    double[] part = new double[q * q];
    double[] row = new double[q];
    double[] zc = new double[n];
    for (int r = 0; r < members.size(); r++) {
      int i = members.get(r);
      for (int c = 0; c < n; c++) {
        zc[c] = (y[i * n + c] - centre[c]) * invS;
      }
      basis.evaluate(zc, 0, basis.scratch(), row, 0);
      System.arraycopy(z, i * n, row, p, n);
      for (int a = 0; a < q; a++) {
        for (int b = a; b < q; b++) {
          part[a * q + b] = Math.fma(row[a], row[b], part[a * q + b]);
        }
      }
      if ((r + 1) % CellRegression.TASK_ROWS == 0 || r + 1 == members.size()) {
        for (int e = 0; e < sum.length; e++) {
          sum[e] += part[e];
        }
        java.util.Arrays.fill(part, 0);
      }
    }
    double[] gram = new double[p * p];
    double[] rhs = new double[p * n];
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        gram[a * p + b] = sum[a * q + b];
      }
      for (int c = 0; c < n; c++) {
        rhs[a * n + c] = sum[a * q + p + c];
      }
    }
    RidgeSolver.solve(gram, p, rhs, n, 1e-6);
    if (target == RegressionTarget.NOISE) {
      for (int e = 0; e < rhs.length; e++) {
        rhs[e] *= SIGMA0 * SIGMA0 + t;
      }
      for (int c = 0; c < n; c++) {
        rhs[c] += centre[c];
        if (d >= 1) {
          rhs[(1 + c) * n + c] += s;
        }
      }
    }
    return rhs;
  }

  /**
   * Two components in n dimensions, 9,000 rows (three noise blocks, the last one short, and over 2048 members in
   * a cell), warm starts at the means, at one far point that gets almost no points and so merges, and near the
   * first mean twice so that a tie and a thin cell are both there.
   */
  private static double[] warmStarts(int n) {
    double[] w = new double[4 * n];
    w[n] = 6;
    w[2 * n] = 40;
    w[3 * n] = 0.25;
    return w;
  }

  @ParameterizedTest(name = "dim {0}, degree {1}, target {2}, t {3}")
  @CsvSource({"2, 3, POSTERIOR_MEAN, 0.7", "2, 2, NOISE, 0.01", "4, 3, POSTERIOR_MEAN, 3.0", "4, 3, NOISE, 0.3"})
  void eachStepIsItsPlainFormToTheBit(int n, int degree, RegressionTarget target, double t) {
    // from Gram.SMALL columns the fit takes native OpenBLAS's dsyrk when it is installed, whose bits are its own
    // (Gram's Javadoc): the plain form's fma chains are then not its bits
    org.junit.jupiter.api.Assumptions.assumeFalse(io.diffmix.core.linalg.BlasBackend.isNative()
        && HermiteBasis.size(n, degree) + n >= io.diffmix.core.linalg.Gram.SMALL, "native OpenBLAS Gram");
    double[] means = new double[2 * n];
    means[n] = 6;
    GaussianMixture gm = new GaussianMixture(new double[] {0.7, 0.3}, means, n, SIGMA0);
    Samples x = TestTargets.draw(gm, 9_000, 21);
    RandomStreams streams = new RandomStreams(5);
    double[][] plain = plainNoisyLevel(x, 3, t, streams, target);
    for (int threads : new int[] {1, 2}) {
      try (Parallel par = new Parallel(threads)) {
        NoisyLevel level = new NoisyLevel(x, SIGMA0, target);
        level.draw(3, t, streams, par);
        assertThat(level.y).containsExactly(plain[0]);
        assertThat(level.z).containsExactly(plain[1]);
        for (HoldOut holdOut : HoldOut.values()) {
          List<double[]> plainCentres = new ArrayList<>();
          List<List<Integer>> members = plainCells(warmStarts(n), plain[0], n, holdOut, plainCentres);
          VoronoiCells cells = VoronoiCells.of(warmStarts(n), level, holdOut, par);
          assertThat(cells.centres).containsExactly(flatten(plainCentres, n));
          assertThat(cells.count()).isLessThan(4);
          CellRegression.Result fit = new CellRegression(1e-6, target, 50).fit(level, cells, degree, par);
          for (int j = 0; j < cells.count(); j++) {
            assertThat(cells.members[j]).containsExactly(members.get(j).stream().mapToInt(i -> i).toArray());
            assertThat(fit.level().coefficients[j]).as("cell %d, %s", j, holdOut)
                .containsExactly(plainCell(members.get(j), plainCentres.get(j), plain[0], plain[1], t, degree, target));
          }
        }
      }
    }
  }

  /** degree "auto" keeps the candidate whose fit on nine tenths has the least squared error on the other tenth. */
  @ParameterizedTest(name = "t {0}")
  @CsvSource({"0.002", "5.0"})
  void degreeSelectionKeepsTheLeastHeldOutLoss(double t) {
    GaussianMixture gm = TestTargets.quickstart();
    Samples x = TestTargets.draw(gm, 9_000, 4);
    try (Parallel par = new Parallel(2)) {
      NoisyLevel level = new NoisyLevel(x, SIGMA0, RegressionTarget.POSTERIOR_MEAN);
      level.draw(0, t, new RandomStreams(8), par);
      double[] warm = {0, 0, 5, 0, 0, 5};
      VoronoiCells nineTenths = VoronoiCells.of(warm, level, HoldOut.EVERY_TENTH, par);
      CellRegression regression = new CellRegression(1e-6, RegressionTarget.POSTERIOR_MEAN, 50);
      List<Integer> candidates = List.of(1, 2, 3, 4);
      int best = -1;
      double bestLoss = Double.POSITIVE_INFINITY;
      for (int d : candidates) {
        LevelPolynomials fitted = regression.fit(level, nineTenths, d, par).level();
        double loss = 0;
        for (int i = 9; i < x.rows(); i += 10) {
          double[] g = new double[2];
          fitted.posteriorMeans(java.util.Arrays.copyOfRange(level.y, 2 * i, 2 * i + 2), 1, g, fitted.batch());
          loss += (g[0] - level.z[2 * i]) * (g[0] - level.z[2 * i]) + (g[1] - level.z[2 * i + 1]) * (g[1] - level.z[2 * i + 1]);
        }
        if (loss < bestLoss) {
          bestLoss = loss;
          best = d;
        }
      }
      assertThat(DegreeSelection.choose(candidates, level, nineTenths, regression, null, par)).isEqualTo(best);
    }
  }
}

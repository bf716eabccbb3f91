package io.diffmix.regression.piecewise;

import io.diffmix.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * An exact control variate for the right-hand side of each cell's normal equations (docs/high-dimensions.md §2).
 *
 * <p>A level's target is z = m(x, y) − c·ξ with c = s²/√t (posterior mean; 1/√t for the noise target), and the
 * cell's right-hand side Σ_{y_i ∈ cell} Φ(y_i) z_iᵀ carries the noise −c Σ Φ(y_i) ξ_iᵀ, of size c = O(1/√t). The
 * clean point x_i is independent of ξ_i, so c Σ_{x_i ∈ cell} Φ(x_i) ξ_iᵀ has mean zero exactly: adding it leaves
 * the equations unbiased and, for the pairs whose x and y share the cell, turns the noise into
 * −c (Φ(y_i) − Φ(x_i)) ξ_iᵀ ≈ −c √t ∇Φ ξ_i ξ_iᵀ, of size s² instead of s²/√t. Pairs split by a cell boundary keep
 * their noise, and they are few when √t is small against the cells. This is the control-variate idea of Jeha et
 * al. (arXiv 2408.12270) for denoising score matching, with the cell's own features as the control.
 *
 * <p>The variate is added below {@link #BELOW} σ0², where √t/s ≤ 0.71: above it Φ(y) − Φ(x) is no longer small
 * and the added term's own variance is of the order of what it removes.
 */
final class ControlVariate {
  /** The variate is used at levels with t below this multiple of σ0². */
  static final double BELOW = 1.0;

  private final NoisyLevel clean;
  private final HoldOut holdOut;

  private ControlVariate(NoisyLevel clean, HoldOut holdOut) {
    this.clean = clean;
    this.holdOut = holdOut;
  }

  /**
   * The variate of a drawn level, leaving out the rows {@code holdOut} holds out.
   *
   * @param buffer n entries per row of the level, for c·ξ
   */
  static ControlVariate of(NoisyLevel level, double[] buffer, HoldOut holdOut, Parallel par) {
    return new ControlVariate(level.cleanView(buffer, par), holdOut);
  }

  /** Each cell's c Σ_{x_i ∈ cell} Φ_j(x_i) ξ_iᵀ, p_j × n, summed over tasks in member order. */
  double[][] sums(VoronoiCells cells, int[] degrees, Parallel par) {
    VoronoiCells byClean = VoronoiCells.around(cells.centres, clean, holdOut, par);
    record Task(int cell, int from, int to) {}
    List<Task> tasks = new ArrayList<>();
    for (int j = 0; j < byClean.count(); j++) {
      for (int from = 0; from < byClean.size[j]; from += CellRegression.TASK_ROWS) {
        tasks.add(new Task(j, from, Math.min(byClean.size[j], from + CellRegression.TASK_ROWS)));
      }
    }
    int n = clean.n;
    List<double[]> parts = par.mapChunks(tasks.size(), 1, (i, unused) -> {
      Task task = tasks.get(i);
      HermiteBasis basis = HermiteBasis.of(n, degrees[task.cell()]);
      int p = basis.size();
      int m = task.to() - task.from();
      FeatureBlock block = FeatureBlock.get().fill(basis, byClean.members[task.cell()], task.from(), m,
          byClean.centre(task.cell()), clean);
      double[] rows = block.rows;
      double[] cross = new double[p * n];
      for (int r = 0; r < m; r++) {
        int row = r * block.ld;
        for (int f = 0; f < p; f++) {
          double phi = rows[row + f];
          for (int c = 0; c < n; c++) {
            cross[f * n + c] += phi * rows[row + p + c];
          }
        }
      }
      return cross;
    });
    double[][] sums = new double[byClean.count()][];
    for (int j = 0; j < sums.length; j++) {
      sums[j] = new double[HermiteBasis.size(n, degrees[j]) * n];
    }
    for (int i = 0; i < tasks.size(); i++) {
      double[] part = parts.get(i);
      double[] sum = sums[tasks.get(i).cell()];
      for (int e = 0; e < part.length; e++) {
        sum[e] += part[e];
      }
    }
    return sums;
  }
}

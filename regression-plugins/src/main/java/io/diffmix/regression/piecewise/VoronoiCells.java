package io.diffmix.regression.piecewise;

import io.diffmix.core.parallel.Parallel;
import java.util.List;

/**
 * The Voronoi cells of a level's warm starts (docs/algorithm.md §2, step 3.1): each noisy point y_i belongs to its
 * nearest warm start μ̂_j. A cell with fewer than 2(n + 1) points cannot carry even a linear fit, so the smallest
 * such cell merges into its neighbours (its warm start is dropped) until none is left, or one cell. Each cell's
 * members are listed in row order, which gives every sum over a cell one order for any thread count.
 */
final class VoronoiCells {
  /** The warm starts that kept a cell, cells × n. */
  final double[] centres;
  /** Each cell's number of points in the fit. */
  final int[] size;
  /** Each cell's regression rows, in row order. */
  final int[][] members;

  private VoronoiCells(double[] centres, int[] size, int[][] members) {
    this.centres = centres;
    this.size = size;
    this.members = members;
  }

  int count() {
    return size.length;
  }

  /** The warm start of cell j. */
  double[] centre(int j) {
    int n = centres.length / size.length;
    return java.util.Arrays.copyOfRange(centres, j * n, j * n + n);
  }

  /** The cells of {@code level}'s noisy points around {@code warmStarts}, leaving out the rows {@code holdOut} holds. */
  static VoronoiCells of(double[] warmStarts, NoisyLevel level, HoldOut holdOut, Parallel par) {
    int n = level.n;
    int[] cell = new int[level.count()];
    double[] centres = warmStarts;
    List<int[]> blockSizes = assign(centres, level, cell, holdOut, par);
    int[] size = total(blockSizes, centres.length / n);
    for (int smallest = smallest(size, n); smallest >= 0; smallest = smallest(size, n)) {
      centres = without(centres, n, smallest);
      blockSizes = assign(centres, level, cell, holdOut, par);
      size = total(blockSizes, centres.length / n);
    }
    return new VoronoiCells(centres, size, members(cell, size, blockSizes, holdOut, par));
  }

  /**
   * The cells of {@code level}'s points around {@code centres} as they are, none merged: the control variate
   * ({@link ControlVariate}) puts each clean point in the cell of the noisy points' final centres.
   */
  static VoronoiCells around(double[] centres, NoisyLevel level, HoldOut holdOut, Parallel par) {
    int n = level.n;
    int[] cell = new int[level.count()];
    List<int[]> blockSizes = assign(centres, level, cell, holdOut, par);
    int[] size = total(blockSizes, centres.length / n);
    return new VoronoiCells(centres, size, members(cell, size, blockSizes, holdOut, par));
  }

  /**
   * Each row's nearest warm start into {@code cell}, and per block of {@link NoisyLevel#BLOCK} rows the count of
   * its rows in each cell.
   */
  private static List<int[]> assign(double[] centres, NoisyLevel level, int[] cell, HoldOut holdOut,
      Parallel par) {
    int n = level.n;
    return par.mapChunks(level.count(), NoisyLevel.BLOCK, (from, to) -> {
      NearestWarmStart nearest = new NearestWarmStart();
      for (int b = from; b < to; b += LevelPolynomials.BLOCK) {
        int rows = Math.min(LevelPolynomials.BLOCK, to - b);
        System.arraycopy(nearest.assign(centres, n, level.y, b, rows), 0, cell, b, rows);
      }
      int[] counts = new int[centres.length / n];
      boolean all = holdOut == HoldOut.NONE;
      for (int i = from; i < to; i++) {
        if (all || !holdOut.heldOut(i)) {
          counts[cell[i]]++;
        }
      }
      return counts;
    });
  }

  private static int[] total(List<int[]> blockSizes, int cells) {
    int[] size = new int[cells];
    for (int[] counts : blockSizes) {
      for (int j = 0; j < cells; j++) {
        size[j] += counts[j];
      }
    }
    return size;
  }

  /** The smallest cell with fewer than 2(n + 1) points, the first on a tie; −1 if there is none or one cell. */
  private static int smallest(int[] size, int n) {
    int smallest = -1;
    for (int j = 0; j < size.length; j++) {
      if (size[j] < 2 * (n + 1) && (smallest < 0 || size[j] < size[smallest])) {
        smallest = j;
      }
    }
    return size.length == 1 ? -1 : smallest;
  }

  private static double[] without(double[] centres, int n, int dropped) {
    double[] kept = new double[centres.length - n];
    for (int j = 0, q = 0; j < centres.length / n; j++) {
      if (j != dropped) {
        System.arraycopy(centres, j * n, kept, q++ * n, n);
      }
    }
    return kept;
  }

  /** Each cell's rows in row order: block b writes its rows of cell j from the sum of the earlier blocks' counts. */
  private static int[][] members(int[] cell, int[] size, List<int[]> blockSizes, HoldOut holdOut, Parallel par) {
    int cells = size.length;
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
    par.forEachChunk(cell.length, NoisyLevel.BLOCK, (from, to) -> {
      int[] fill = offsets[from / NoisyLevel.BLOCK].clone();
      boolean all = holdOut == HoldOut.NONE;
      for (int i = from; i < to; i++) {
        if (all || !holdOut.heldOut(i)) {
          members[cell[i]][fill[cell[i]]++] = i;
        }
      }
    });
    return members;
  }
}

package io.diffmix.regression;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Lloyd's k-means (Lloyd 1982) from greedy k-means++ seeds (Arthur and Vassilvitskii 2007, with the 2 + ⌊ln k⌋
 * local trials per centre that scikit-learn uses), restarted and keeping the least inertia: the start of EM.
 *
 * <p>Every pass over the rows is split into chunks of fixed boundaries whose partial sums are combined in chunk
 * order, so the centres and labels are the same bits for any thread count.
 */
final class KMeans {
  /** Rows per chunk of a pass. */
  static final int CHUNK = 2048;
  /** Lloyd iterations at most, as scikit-learn's {@code max_iter}. */
  static final int MAX_ITERATIONS = 300;
  /**
   * Stop when the centres moved by less than this times the rows' mean per-coordinate variance, in total
   * squared distance: scikit-learn's {@code tol}.
   */
  static final double TOLERANCE = 1e-4;

  /**
   * A clustering.
   *
   * @param centres k × n, row-major
   * @param labels the nearest centre of each row
   * @param inertia Σ_i |x_i − c_{label(i)}|²
   */
  record Result(double[] centres, int[] labels, double inertia) {}

  private KMeans() {}

  /** The least-inertia clustering of {@code restarts} seeded Lloyd runs. */
  static Result fit(Samples x, int k, int restarts, RandomGenerator rng, Parallel par) {
    double tol = TOLERANCE * meanVariance(x);
    Result best = null;
    for (int r = 0; r < restarts; r++) {
      Result res = lloyd(x, seeds(x, k, rng, par), tol, par);
      if (best == null || res.inertia() < best.inertia()) {
        best = res;
      }
    }
    return best;
  }

  /**
   * {@code count} distinct rows drawn uniformly (a partial Fisher–Yates shuffle), in their original order; all
   * rows when there are no more than {@code count}.
   */
  static Samples subsample(Samples x, int count, RandomGenerator rng) {
    int rows = x.rows();
    if (count >= rows) {
      return x;
    }
    int[] perm = new int[rows];
    for (int i = 0; i < rows; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(rows - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] pick = java.util.Arrays.copyOf(perm, count);
    java.util.Arrays.sort(pick);
    int n = x.dim();
    Samples s = Samples.zeros(count, n);
    for (int i = 0; i < count; i++) {
      System.arraycopy(x.data(), pick[i] * n, s.data(), i * n, n);
    }
    return s;
  }

  /** The mean over coordinates of the rows' variance. */
  static double meanVariance(Samples x) {
    int n = x.dim();
    int rows = x.rows();
    double[] d = x.data();
    double[] mean = new double[n];
    for (int i = 0; i < rows; i++) {
      for (int a = 0; a < n; a++) {
        mean[a] += d[i * n + a];
      }
    }
    double v = 0;
    for (int a = 0; a < n; a++) {
      mean[a] /= rows;
    }
    for (int i = 0; i < rows; i++) {
      for (int a = 0; a < n; a++) {
        double e = d[i * n + a] - mean[a];
        v += e * e;
      }
    }
    return v / ((double) rows * n);
  }

  /**
   * Greedy k-means++: the first centre a uniform row; each next one the best, by the potential Σ_i min_c |x_i − c|²
   * it leaves, of 2 + ⌊ln k⌋ rows drawn with probability ∝ the squared distance to the nearest centre so far.
   * When every row already sits on a centre (fewer distinct rows than k), the draw is uniform.
   */
  static double[] seeds(Samples x, int k, RandomGenerator rng, Parallel par) {
    int n = x.dim();
    int rows = x.rows();
    double[] data = x.data();
    double[] centres = new double[k * n];
    int first = rng.nextInt(rows);
    System.arraycopy(data, first * n, centres, 0, n);
    double[] closest = new double[rows];
    double[] firstCentre = java.util.Arrays.copyOfRange(data, first * n, first * n + n);
    par.forEachChunk(rows, CHUNK, (from, to) -> distances(data, n, from, to, firstCentre, closest));
    int trials = 2 + (int) Math.floor(Math.log(k));
    double[] cumulative = new double[rows];
    double[] trial = new double[rows];
    double[] bestTrial = new double[rows];
    for (int j = 1; j < k; j++) {
      double total = 0;
      for (int i = 0; i < rows; i++) {
        total += closest[i];
        cumulative[i] = total;
      }
      int bestRow = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int cand = total > 0 ? search(cumulative, rng.nextDouble() * total) : rng.nextInt(rows);
        double[] candidate = java.util.Arrays.copyOfRange(data, cand * n, cand * n + n);
        List<Double> parts = par.mapChunks(rows, CHUNK, (from, to) -> {
          distances(data, n, from, to, candidate, trial);
          double s = 0;
          for (int i = from; i < to; i++) {
            double d = Math.min(closest[i], trial[i]);
            trial[i] = d;
            s += d;
          }
          return s;
        });
        double potential = 0;
        for (double p : parts) {
          potential += p;
        }
        if (potential < bestPotential) {
          bestPotential = potential;
          bestRow = cand;
          System.arraycopy(trial, 0, bestTrial, 0, rows);
        }
      }
      System.arraycopy(data, bestRow * n, centres, j * n, n);
      System.arraycopy(bestTrial, 0, closest, 0, rows);
    }
    return centres;
  }

  /** The first index whose cumulative sum reaches u (numpy's searchsorted, side left), clamped to the rows. */
  private static int search(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Lloyd's iterations from the given centres until they move by less than {@code tol} in total squared
   * distance, the labels stop changing, or {@link #MAX_ITERATIONS}. A centre left without rows moves to the row
   * farthest from its own centre, as scikit-learn relocates an empty cluster.
   */
  static Result lloyd(Samples x, double[] start, double tol, Parallel par) {
    int n = x.dim();
    int rows = x.rows();
    int k = start.length / n;
    double[] data = x.data();
    double[] centres = start.clone();
    int[] labels = new int[rows];
    double[] dist = new double[rows];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] c = centres;
      // per chunk: [count_j, Σ x_j (n), changed labels]
      List<double[]> parts = par.mapChunks(rows, CHUNK, (from, to) -> {
        double[] s = new double[k * (n + 1) + 1];
        int[] before = java.util.Arrays.copyOfRange(labels, from, to);
        assign(data, n, from, to, c, labels, dist);
        for (int i = from; i < to; i++) {
          int best = labels[i];
          if (best != before[i - from]) {
            s[s.length - 1]++;
          }
          s[best * (n + 1)]++;
          for (int a = 0; a < n; a++) {
            s[best * (n + 1) + 1 + a] += data[i * n + a];
          }
        }
        return s;
      });
      double[] s = combine(parts);
      boolean changed = it == 0 || s[s.length - 1] > 0;
      double[] next = new double[k * n];
      for (int j = 0; j < k; j++) {
        double count = s[j * (n + 1)];
        for (int a = 0; a < n; a++) {
          next[j * n + a] = count > 0 ? s[j * (n + 1) + 1 + a] / count : centres[j * n + a];
        }
      }
      relocateEmpty(data, n, s, next, labels, dist);
      double shift = 0;
      for (int q = 0; q < k * n; q++) {
        shift += (next[q] - centres[q]) * (next[q] - centres[q]);
      }
      centres = next;
      if (!changed || shift <= tol) {
        break;
      }
    }
    double[] c = centres;
    List<Double> inertia = par.mapChunks(rows, CHUNK, (from, to) -> {
      assign(data, n, from, to, c, labels, dist);
      double s = 0;
      for (int i = from; i < to; i++) {
        s += dist[i];
      }
      return s;
    });
    double total = 0;
    for (double v : inertia) {
      total += v;
    }
    return new Result(centres, labels, total);
  }

  /**
   * Empty clusters take, in order, the rows farthest from their centres (ties to the lower row), each row once.
   * The counts in {@code s} of the clusters a row left are not updated: the next Lloyd step recounts.
   */
  private static void relocateEmpty(double[] data, int n, double[] s, double[] next, int[] labels, double[] dist) {
    int k = next.length / n;
    boolean[] taken = null;
    for (int j = 0; j < k; j++) {
      if (s[j * (n + 1)] > 0) {
        continue;
      }
      if (taken == null) {
        taken = new boolean[dist.length];
      }
      int far = -1;
      for (int i = 0; i < dist.length; i++) {
        if (!taken[i] && (far < 0 || dist[i] > dist[far])) {
          far = i;
        }
      }
      taken[far] = true;
      System.arraycopy(data, far * n, next, j * n, n);
      labels[far] = j;
    }
  }

  /**
   * labels[i] = the centre nearest to row i (the first of equals) and dist[i] its squared distance, for rows
   * [from, to), in blocks ({@link RowBlocks}).
   */
  static void assign(double[] data, int n, int from, int to, double[] centres, int[] labels, double[] dist) {
    int k = centres.length / n;
    double[][] xt = RowBlocks.arrays(n);
    double[][] d = RowBlocks.arrays(k);
    double[] t = new double[RowBlocks.BLOCK];
    for (int start = from; start < to; start += RowBlocks.BLOCK) {
      int m = Math.min(RowBlocks.BLOCK, to - start);
      RowBlocks.transpose(data, n, start, m, xt);
      RowBlocks.squaredDistances(xt, n, m, centres, k, d, t);
      for (int i = 0; i < m; i++) {
        int best = 0;
        double bestD = d[0][i];
        for (int j = 1; j < k; j++) {
          if (d[j][i] < bestD) {
            bestD = d[j][i];
            best = j;
          }
        }
        labels[start + i] = best;
        dist[start + i] = bestD;
      }
    }
  }

  /** out[i] = |x_i − c|² for rows [from, to) and one centre c. */
  private static void distances(double[] data, int n, int from, int to, double[] c, double[] out) {
    double[][] xt = RowBlocks.arrays(n);
    double[][] d = RowBlocks.arrays(1);
    double[] t = new double[RowBlocks.BLOCK];
    for (int start = from; start < to; start += RowBlocks.BLOCK) {
      int m = Math.min(RowBlocks.BLOCK, to - start);
      RowBlocks.transpose(data, n, start, m, xt);
      RowBlocks.squaredDistances(xt, n, m, c, 1, d, t);
      System.arraycopy(d[0], 0, out, start, m);
    }
  }

  /** Sums per-chunk vectors in chunk order. */
  static double[] combine(List<double[]> parts) {
    double[] s = new double[parts.get(0).length];
    for (double[] p : parts) {
      for (int q = 0; q < s.length; q++) {
        s[q] += p[q];
      }
    }
    return s;
  }
}

package io.diffmix.core.metrics;

import io.diffmix.core.config.Param;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code mmd} metric: the unbiased estimate of MMD² (Gretton et al. 2012, eq. 3) with the RBF kernel
 * k(x, y) = exp(−|x − y|²/(2h²)).
 *
 * <p>MMD²_u = Σ_{i≠j} k(x_i, x_j)/(m(m−1)) + Σ_{i≠j} k(y_i, y_j)/(n(n−1)) − 2 Σ_{i,j} k(x_i, y_j)/(mn). It can be
 * slightly negative when the two samples come from one law. By default h is the median heuristic: the
 * median distance between the pooled first {@code median_points} rows of each sample (the rows are i.i.d., so
 * the first rows are a random subset).
 */
public final class MmdMetric {
  /** The {@code mmd} factory. */
  public static final MetricFactory<Config> FACTORY = new MetricFactory.Of<>("mmd",
      "unbiased MMD^2 with an RBF kernel, median-heuristic bandwidth by default",
      List.of(
          Param.real("bandwidth", "RBF bandwidth h; null for the median heuristic").greaterThan(0).orAuto(),
          Param.integer("median_points", 1000, "rows of each sample pooled for the median heuristic")
              .atLeast(2).atMost(20_000)),
      p -> new Config(p.isAuto("bandwidth") ? Double.NaN : p.real("bandwidth"), p.integer("median_points")),
      MmdMetric::metric);

  /** Rows per parallel task; fixed, so sums do not depend on the thread count. */
  private static final int CHUNK = 256;

  /**
   * @param bandwidth h, or NaN for the median heuristic
   * @param medianPoints rows of each sample in the median heuristic
   */
  public record Config(double bandwidth, int medianPoints) {}

  private static Metric metric(Config c) {
    return input -> {
      Samples x = input.generated();
      Samples y = input.reference();
      double h = Double.isNaN(c.bandwidth()) ? medianBandwidth(x, y, c.medianPoints()) : c.bandwidth();
      double mmd2 = mmd2(x, y, h, input.parallel());
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("value", mmd2);
      values.put("bandwidth", h);
      return new Metric.Result(values, Map.of());
    };
  }

  /** The unbiased MMD² with bandwidth h. */
  public static double mmd2(Samples x, Samples y, double h, Parallel par) {
    if (x.dim() != y.dim()) {
      throw new IllegalArgumentException("dimensions differ: " + x.dim() + " vs " + y.dim());
    }
    int m = x.rows();
    int n = y.rows();
    if (m < 2 || n < 2) {
      throw new IllegalArgumentException("MMD needs at least 2 rows in each sample");
    }
    double gamma = 1.0 / (2 * h * h);
    double kxx = sumWithin(x, gamma, par);
    double kyy = sumWithin(y, gamma, par);
    double kxy = sumBetween(x, y, gamma, par);
    return 2 * kxx / ((double) m * (m - 1)) + 2 * kyy / ((double) n * (n - 1)) - 2 * kxy / ((double) m * n);
  }

  /** Σ_{i<j} k(x_i, x_j). */
  private static double sumWithin(Samples s, double gamma, Parallel par) {
    double[] a = s.data();
    int d = s.dim();
    int rows = s.rows();
    double[][] cols = KernelSums.columns(a, rows, d);
    KernelSums k = KernelSums.best();
    List<Double> parts = par.mapChunks(rows, CHUNK, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += k.rowSum(a, i * d, cols, i + 1, rows, gamma);
      }
      return sum;
    });
    return ordered(parts);
  }

  /** Σ_{i,j} k(x_i, y_j). */
  private static double sumBetween(Samples x, Samples y, double gamma, Parallel par) {
    double[] a = x.data();
    int d = x.dim();
    double[][] cols = KernelSums.columns(y.data(), y.rows(), d);
    KernelSums k = KernelSums.best();
    List<Double> parts = par.mapChunks(x.rows(), CHUNK, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += k.rowSum(a, i * d, cols, 0, y.rows(), gamma);
      }
      return sum;
    });
    return ordered(parts);
  }

  private static double ordered(List<Double> parts) {
    double s = 0;
    for (double p : parts) {
      s += p;
    }
    return s;
  }

  /** The k-th smallest value (0-based), by Hoare's selection with median-of-three pivots; reorders a. */
  static double select(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      double pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** After {@code select(a, k)}: the largest of a[0 .. k), the (k−1)-th smallest. */
  private static double maxBelow(double[] a, int k) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }

  /** The median pairwise distance of the pooled first {@code points} rows of x and of y. */
  public static double medianBandwidth(Samples x, Samples y, int points) {
    int mx = Math.min(points, x.rows());
    int my = Math.min(points, y.rows());
    int d = x.dim();
    double[] pool = new double[(mx + my) * d];
    System.arraycopy(x.data(), 0, pool, 0, mx * d);
    System.arraycopy(y.data(), 0, pool, mx * d, my * d);
    int total = mx + my;
    double[] dist = new double[total * (total - 1) / 2];
    int q = 0;
    for (int i = 0; i < total; i++) {
      for (int j = i + 1; j < total; j++) {
        double d2 = 0;
        for (int c = 0; c < d; c++) {
          double diff = pool[i * d + c] - pool[j * d + c];
          d2 += diff * diff;
        }
        dist[q++] = d2;
      }
    }
    int mid = dist.length / 2;
    // selection, not a sort: the median of two million distances in linear time
    double upper = select(dist, mid);
    double med2 = dist.length % 2 == 1 ? upper : 0.5 * (maxBelow(dist, mid) + upper);
    double h = Math.sqrt(med2);
    return h > 0 ? h : 1.0;
  }
}

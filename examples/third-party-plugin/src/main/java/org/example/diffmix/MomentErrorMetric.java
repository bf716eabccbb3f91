package org.example.diffmix;

import io.diffmix.core.config.Param;
import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code moment-error} metric: how far apart the first two moments of the generated and the reference
 * points are,
 * <pre>
 *   mean_error = |m̂_gen − m̂_ref|₂,   cov_error = ‖Ĉ_gen − Ĉ_ref‖_F   (divided by ‖Ĉ_ref‖_F when relative)
 * </pre>
 * with unbiased sample covariances. Both fields get a floor, from pairs of true samples, like every sample
 * metric. Sums run in row order on one thread, so the result is the same bits for every thread count.
 */
public final class MomentErrorMetric {
  /** The {@code moment-error} factory, given by its parts. */
  public static final MetricFactory<Config> FACTORY = new MetricFactory.Of<>("moment-error",
      "distance between the means (|.|_2) and the covariances (Frobenius) of generated and reference points",
      List.of(Param.bool("relative", false, "divide cov_error by the Frobenius norm of the reference covariance")),
      p -> new Config(p.bool("relative")), MomentErrorMetric::metric);

  /** @param relative whether cov_error is relative to the reference covariance's Frobenius norm */
  public record Config(boolean relative) {}

  private MomentErrorMetric() {}

  /** Both fields get a floor of their own ({@code mean_error_floor}, {@code cov_error_floor}): no primary field. */
  private static Metric metric(Config c) {
    return Metric.sample(Optional.empty(), false, input -> {
      double[] e = errors(input.generated(), input.reference(), c.relative());
      // an ordered map: the fields' order is the order of compare's table.csv columns, and Map.of's order
      // changes from one JVM to the next (a cluster's executors, or two runs, would write different bytes)
      Map<String, Double> values = new LinkedHashMap<>();
      values.put("mean_error", e[0]);
      values.put("cov_error", e[1]);
      return new Metric.Result(values, Map.of());
    });
  }

  /** {mean_error, cov_error} of two samples of the same dimension. */
  public static double[] errors(Samples gen, Samples ref, boolean relative) {
    if (gen.dim() != ref.dim()) {
      throw new IllegalArgumentException("dimensions differ: " + gen.dim() + " and " + ref.dim());
    }
    if (gen.rows() < 2 || ref.rows() < 2) {
      throw new IllegalArgumentException("moment-error needs at least 2 points in each sample");
    }
    int d = gen.dim();
    double[] mg = mean(gen);
    double[] mr = mean(ref);
    double[] cg = covariance(gen, mg);
    double[] cr = covariance(ref, mr);
    double dm = 0;
    for (int j = 0; j < d; j++) {
      dm += (mg[j] - mr[j]) * (mg[j] - mr[j]);
    }
    double dc = 0;
    double norm = 0;
    for (int q = 0; q < d * d; q++) {
      dc += (cg[q] - cr[q]) * (cg[q] - cr[q]);
      norm += cr[q] * cr[q];
    }
    double covError = Math.sqrt(dc);
    return new double[] {Math.sqrt(dm), relative ? covError / Math.sqrt(norm) : covError};
  }

  private static double[] mean(Samples s) {
    int d = s.dim();
    double[] m = new double[d];
    double[] x = s.data();
    for (int i = 0; i < s.rows(); i++) {
      for (int j = 0; j < d; j++) {
        m[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= s.rows();
    }
    return m;
  }

  /** The unbiased covariance, d × d row-major. */
  private static double[] covariance(Samples s, double[] m) {
    int d = s.dim();
    double[] c = new double[d * d];
    double[] x = s.data();
    for (int i = 0; i < s.rows(); i++) {
      for (int a = 0; a < d; a++) {
        double ua = x[i * d + a] - m[a];
        for (int b = 0; b < d; b++) {
          c[a * d + b] += ua * (x[i * d + b] - m[b]);
        }
      }
    }
    for (int q = 0; q < d * d; q++) {
      c[q] /= s.rows() - 1;
    }
    return c;
  }
}

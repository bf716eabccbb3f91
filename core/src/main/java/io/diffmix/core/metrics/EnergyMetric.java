package io.diffmix.core.metrics;

import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.NoParams;
import java.util.List;

/**
 * The {@code energy} metric: the energy distance of Székely and Rizzo,
 * E = 2 E|X − Y| − E|X − X'| − E|Y − Y'|, with U-statistics (i ≠ j) for the within-sample terms, so that its
 * expectation is exactly E. It is 0 if and only if the two laws agree.
 */
public final class EnergyMetric {
  /** The {@code energy} factory. */
  public static final MetricFactory<NoParams> FACTORY = MetricFactory.of("energy",
      "energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| (unbiased within-sample terms)",
      EnergyMetric::metric);

  private static final int CHUNK = 256;

  private static Metric metric() {
    return input -> Metric.Result.of("value", energy(input.generated(), input.reference(), input.parallel()));
  }

  /** The energy distance between two samples. */
  public static double energy(Samples x, Samples y, Parallel par) {
    int m = x.rows();
    int n = y.rows();
    double xy = between(x, y, par) / ((double) m * n);
    double xx = 2 * within(x, par) / ((double) m * (m - 1));
    double yy = 2 * within(y, par) / ((double) n * (n - 1));
    return 2 * xy - xx - yy;
  }

  private static double within(Samples s, Parallel par) {
    double[][] cols = KernelSums.columns(s.data(), s.rows(), s.dim());
    KernelSums k = KernelSums.best();
    int d = s.dim();
    return ordered(par.mapChunks(s.rows(), CHUNK, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += k.distanceSum(s.data(), i * d, cols, i + 1, s.rows());
      }
      return sum;
    }));
  }

  private static double between(Samples x, Samples y, Parallel par) {
    double[][] cols = KernelSums.columns(y.data(), y.rows(), y.dim());
    KernelSums k = KernelSums.best();
    int d = x.dim();
    return ordered(par.mapChunks(x.rows(), CHUNK, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += k.distanceSum(x.data(), i * d, cols, 0, y.rows());
      }
      return sum;
    }));
  }

  private static double ordered(List<Double> parts) {
    double s = 0;
    for (double p : parts) {
      s += p;
    }
    return s;
  }

}

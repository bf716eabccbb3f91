package io.diffmix.core.metrics;

import io.diffmix.core.config.Param;
import io.diffmix.core.data.Samples;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The {@code sliced-wasserstein} metric: SW2 = (E_θ W2²(θ·X, θ·Y))^{1/2} over directions θ uniform on the
 * sphere, estimated with {@code projections} directions drawn from the metric's own stream (the same for the
 * value and for every floor pair).
 *
 * <p>Each 1-D W2² is exact for the two empirical laws, even of different sizes: ∫₀¹ |F⁻¹(u) − G⁻¹(u)|² du over
 * the merged breakpoints of the two quantile functions.
 */
public final class SlicedWassersteinMetric {
  /** The {@code sliced-wasserstein} factory. */
  public static final MetricFactory<Config> FACTORY = new MetricFactory.Of<>("sliced-wasserstein",
      "sliced 2-Wasserstein distance over random directions, exact 1-D W2 per direction",
      List.of(Param.integer("projections", 128, "number of random directions").atLeast(1).atMost(100_000)),
      p -> new Config(p.integer("projections")), SlicedWassersteinMetric::metric);

  public record Config(int projections) {}

  private static Metric metric(Config c) {
    return input -> Metric.Result.of("value",
        slicedW2(input.generated(), input.reference(), c.projections(), input.streams()));
  }

  /** SW2 with the given number of directions, drawn from {@code streams.stream("directions")}. */
  public static double slicedW2(Samples x, Samples y, int projections, RandomStreams streams) {
    int d = x.dim();
    RandomGenerator rng = streams.stream("directions");
    double[] theta = new double[d];
    double[] px = new double[x.rows()];
    double[] py = new double[y.rows()];
    double total = 0;
    for (int l = 0; l < projections; l++) {
      double norm = 0;
      for (int c = 0; c < d; c++) {
        theta[c] = rng.nextGaussian();
        norm += theta[c] * theta[c];
      }
      norm = Math.sqrt(norm);
      for (int c = 0; c < d; c++) {
        theta[c] /= norm;
      }
      project(x, theta, px);
      project(y, theta, py);
      total += w2Squared(px, py);
    }
    return Math.sqrt(total / projections);
  }

  private static void project(Samples s, double[] theta, double[] out) {
    int d = s.dim();
    for (int i = 0; i < s.rows(); i++) {
      double v = 0;
      for (int c = 0; c < d; c++) {
        v += s.data()[i * d + c] * theta[c];
      }
      out[i] = v;
    }
  }

  /** W2² between the empirical laws of a and b (sorted in place): the quantile functions' L2 distance. */
  static double w2Squared(double[] a, double[] b) {
    Arrays.sort(a);
    Arrays.sort(b);
    int m = a.length;
    int n = b.length;
    int i = 0;
    int j = 0;
    double u = 0;
    double sum = 0;
    // walk the merged breakpoints k/m and l/n of the two step quantile functions
    while (i < m && j < n) {
      double nextA = (double) (i + 1) / m;
      double nextB = (double) (j + 1) / n;
      double next = Math.min(nextA, nextB);
      double diff = a[i] - b[j];
      sum += (next - u) * diff * diff;
      u = next;
      if (nextA <= next) {
        i++;
      }
      if (nextB <= next) {
        j++;
      }
    }
    return sum;
  }
}

package io.diffmix.core.metrics;

import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.NoParams;
import io.diffmix.core.spi.TrueDistribution;
import io.diffmix.core.spi.TrueDistribution.DiscreteMixture;
import io.diffmix.core.target.GaussianMixture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mixture-recovery} metric (README, "mixture-recovery"): each generated point goes to the
 * component with the largest true responsibility, then
 * {@code weights_tv = ½ Σ_j |ŵ_j − w_j|} and {@code mean_error = max_j |mean of the points assigned to j − μ_j|}.
 *
 * <p>A component that receives no point has no mean: its mean error is +∞, which says plainly that a mode was
 * lost.
 */
public final class MixtureRecoveryMetric {
  /** The {@code mixture-recovery} factory. */
  public static final MetricFactory<NoParams> FACTORY = MetricFactory.of("mixture-recovery",
      "hard-assign points to the true components; weights_tv and the largest error of a component mean",
      MixtureRecoveryMetric::metric);

  private static Metric metric() {
    return new Metric() {
      @Override
      public boolean needsTruth() {
        return true;
      }

      @Override
      public Optional<String> primaryField() {
        return Optional.empty();
      }

      @Override
      public Optional<String> notApplicable(Optional<TrueDistribution> truth) {
        return truth.isEmpty() || truth.get().mixture().isPresent() ? Metric.super.notApplicable(truth)
            : Optional.of("needs a discrete mixture target, and this target's components are not points");
      }

      @Override
      public Result evaluate(Input input) {
        return recover(input.generated(), input.truth().flatMap(TrueDistribution::mixture).orElseThrow());
      }
    };
  }

  /** The two numbers for {@code s} against the mixture. */
  public static Metric.Result recover(Samples s, DiscreteMixture mix) {
    GaussianMixture gm = new GaussianMixture(mix.weights(), mix.means(), mix.dim(), mix.sigma0());
    int k = mix.components();
    int n = mix.dim();
    long[] count = new long[k];
    double[] sum = new double[k * n];
    double[] x = s.data();
    for (int i = 0; i < s.rows(); i++) {
      int j = gm.assign(x, i);
      count[j]++;
      for (int d = 0; d < n; d++) {
        sum[j * n + d] += x[i * n + d];
      }
    }
    double tv = 0;
    double meanError = 0;
    for (int j = 0; j < k; j++) {
      tv += Math.abs((double) count[j] / s.rows() - mix.weights()[j]);
      if (count[j] == 0) {
        meanError = Double.POSITIVE_INFINITY;
        continue;
      }
      double d2 = 0;
      for (int d = 0; d < n; d++) {
        double diff = sum[j * n + d] / count[j] - mix.means()[j * n + d];
        d2 += diff * diff;
      }
      meanError = Math.max(meanError, Math.sqrt(d2));
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("weights_tv", 0.5 * tv);
    values.put("mean_error", meanError);
    return new Metric.Result(values, Map.of());
  }

}

package io.diffmix.core.target;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TargetFactory;
import java.util.Arrays;
import java.util.List;

/** The {@code gaussian-mixture} target: given weights, means and σ0. */
public final class GaussianMixtureTarget implements TargetFactory<GaussianMixtureTarget.Config> {

  /** Weights must sum to 1 within this; the sum of k rounded decimals is off by far less. */
  static final double WEIGHT_SUM_TOLERANCE = 1e-9;

  /**
   * @param weights w_j
   * @param means μ_j, one row per component
   * @param sigma0 σ0
   */
  public record Config(List<Double> weights, List<List<Double>> means, double sigma0) {}

  @Override
  public String name() {
    return "gaussian-mixture";
  }

  @Override
  public String description() {
    return "P0 = sum_j w_j N(mu_j, sigma0^2 I) with the given weights and means";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.realList("weights", "mixture weights w_j, non-negative, summing to 1").atLeast(0),
        Param.realMatrix("means", "component means mu_j, one list per component, all of one dimension"),
        Param.real("sigma0", 1.0, "standard deviation sigma0 of every component").greaterThan(0));
  }

  @Override
  public Config configure(Params p) {
    double[] w = p.realList("weights");
    double[][] mu = p.realMatrix("means");
    checkWeights(p, w);
    if (mu.length != w.length) {
      throw p.error("means", mu.length + " means for " + w.length + " weights; give one mean per weight");
    }
    for (int j = 1; j < mu.length; j++) {
      if (mu[j].length != mu[0].length) {
        throw p.error("means", "means[" + j + "] has " + mu[j].length + " coordinates but means[0] has "
            + mu[0].length + "; every mean needs the same dimension");
      }
    }
    return new Config(
        Arrays.stream(w).boxed().toList(),
        Arrays.stream(mu).map(r -> Arrays.stream(r).boxed().toList()).toList(),
        p.real("sigma0"));
  }

  static void checkWeights(Params p, double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      throw p.error("weights", "sum to " + sum + "; valid: non-negative numbers that sum to 1");
    }
  }

  @Override
  public Target create(Config c) {
    int k = c.weights().size();
    int dim = c.means().get(0).size();
    double[] w = new double[k];
    double[] mu = new double[k * dim];
    for (int j = 0; j < k; j++) {
      w[j] = c.weights().get(j);
      for (int d = 0; d < dim; d++) {
        mu[j * dim + d] = c.means().get(j).get(d);
      }
    }
    return new SyntheticTarget(new GaussianMixture(w, mu, dim, c.sigma0()));
  }
}

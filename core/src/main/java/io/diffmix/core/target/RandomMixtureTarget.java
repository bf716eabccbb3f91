package io.diffmix.core.target;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TargetFactory;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The {@code random-mixture} target: k components in dimension n, drawn from the target's own seed.
 *
 * <p>The procedure, exactly (the README repeats it):
 * <ol>
 *   <li>One generator: {@code new RandomStreams(seed).stream("random-mixture")} ({@value
 *       RandomStreams#ALGORITHM}).
 *   <li>Weights: g_j = −ln(1 − U_j) (so g ~ Exp(1), and g/Σg ~ Dirichlet(1,…,1)), then
 *       w_j = min_weight + (1 − k·min_weight)·g_j/Σg. Every weight is at least min_weight.
 *   <li>Means, one at a time: a candidate is uniform in the cube [−h, h]^n with
 *       h = separation·max(1, k^{1/n}); it is kept if its distance to every kept mean is at least
 *       {@code separation}. After 1,000 rejections in a row, h grows by 10%.
 * </ol>
 */
public final class RandomMixtureTarget implements TargetFactory<RandomMixtureTarget.Config> {

  public record Config(int k, int dim, double separation, double minWeight, double sigma0, long seed) {}

  @Override
  public String name() {
    return "random-mixture";
  }

  @Override
  public String description() {
    return "k components with Dirichlet(1) weights above min_weight and means at least `separation` apart, "
        + "drawn from the target's own seed";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.integer("k", 4, "number of components").atLeast(1).atMost(10_000),
        Param.integer("dim", 2, "dimension n").atLeast(1).atMost(10_000),
        Param.real("separation", 5.0, "smallest distance between two means").greaterThan(0),
        Param.real("min_weight", 0.1, "smallest weight; k * min_weight <= 1").atLeast(0).atMost(1),
        Param.real("sigma0", 1.0, "standard deviation sigma0 of every component").greaterThan(0),
        Param.integer("seed", 0, "seed of the mixture's parameters (not of the data)"));
  }

  @Override
  public Config configure(Params p) {
    int k = p.integer("k");
    double minWeight = p.real("min_weight");
    if (k * minWeight > 1 + 1e-12) {
      throw p.error("min_weight", minWeight + " is too large for k = " + k + "; valid: <= 1/k = " + (1.0 / k));
    }
    return new Config(k, p.integer("dim"), p.real("separation"), minWeight, p.real("sigma0"),
        p.longValue("seed"));
  }

  @Override
  public Target create(Config c) {
    return new SyntheticTarget(draw(c));
  }

  /** The mixture that {@code c} describes, by the procedure above. */
  public static GaussianMixture draw(Config c) {
    RandomGenerator rng = new RandomStreams(c.seed()).stream("random-mixture");
    int k = c.k();
    int n = c.dim();
    double[] g = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      g[j] = -Math.log(1 - rng.nextDouble());
      sum += g[j];
    }
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = c.minWeight() + (1 - k * c.minWeight()) * g[j] / sum;
    }
    double[] mu = new double[k * n];
    double h = c.separation() * Math.max(1, Math.pow(k, 1.0 / n));
    int rejected = 0;
    for (int j = 0; j < k; ) {
      for (int d = 0; d < n; d++) {
        mu[j * n + d] = h * (2 * rng.nextDouble() - 1);
      }
      if (farFromKept(mu, j, n, c.separation())) {
        j++;
        rejected = 0;
      } else if (++rejected == 1000) {
        h *= 1.1;
        rejected = 0;
      }
    }
    return new GaussianMixture(w, mu, n, c.sigma0());
  }

  private static boolean farFromKept(double[] mu, int j, int n, double separation) {
    for (int i = 0; i < j; i++) {
      double d2 = 0;
      for (int d = 0; d < n; d++) {
        double diff = mu[j * n + d] - mu[i * n + d];
        d2 += diff * diff;
      }
      if (d2 < separation * separation) {
        return false;
      }
    }
    return true;
  }
}

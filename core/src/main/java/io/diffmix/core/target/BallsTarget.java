package io.diffmix.core.target;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TargetFactory;
import java.util.List;

/**
 * The {@code balls} target: Q0 uniform on k balls of radius r, at given centres or at centres drawn like
 * {@code random-mixture}'s means (at least {@code separation} apart, from the target's own seed), convolved with
 * N(0, σ0² I).
 */
public final class BallsTarget implements TargetFactory<BallsTarget.Config> {

  /**
   * @param centres the centres, k × dim, flat
   * @param weights the balls' weights
   * @param dim the dimension
   * @param radius r
   * @param sigma0 σ0
   */
  public record Config(List<Double> centres, List<Double> weights, int dim, double radius, double sigma0) {}

  @Override
  public String name() {
    return "balls";
  }

  @Override
  public String description() {
    return "uniform on k balls of radius r, convolved with N(0, sigma0^2 I); exact score by radial quadrature";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.integer("k", 3, "number of balls, when centres are drawn").atLeast(1).atMost(10_000),
        Param.integer("dim", 2, "dimension n").atLeast(1).atMost(10_000),
        Param.real("radius", 1.0, "radius r of every ball").greaterThan(0),
        Param.real("separation", 5.0, "smallest distance between drawn centres").greaterThan(0),
        Param.real("sigma0", 1.0, "standard deviation sigma0 of the noise").greaterThan(0),
        Param.integer("seed", 0, "seed of the drawn centres (not of the data)"),
        Param.realMatrix("centers", "the centres, one list per ball; null to draw k of them").orAuto(),
        Param.realList("weights", "the balls' weights, summing to 1; null for equal weights").atLeast(0).orAuto());
  }

  @Override
  public Config configure(Params p) {
    int dim = p.integer("dim");
    double[] centres;
    int k;
    if (p.isAuto("centers")) {
      k = p.integer("k");
      GaussianMixture drawn = RandomMixtureTarget.draw(new RandomMixtureTarget.Config(k, dim, p.real("separation"),
          0, 1.0, p.longValue("seed")));
      centres = drawn.mixture().orElseThrow().means();
    } else {
      double[][] c = p.realMatrix("centers");
      k = c.length;
      centres = new double[k * dim];
      for (int j = 0; j < k; j++) {
        if (c[j].length != dim) {
          throw p.error("centers", "centers[" + j + "] has " + c[j].length + " coordinates; valid: dim = " + dim);
        }
        System.arraycopy(c[j], 0, centres, j * dim, dim);
      }
    }
    double[] w = new double[k];
    if (p.isAuto("weights")) {
      java.util.Arrays.fill(w, 1.0 / k);
    } else {
      w = p.realList("weights");
      if (w.length != k) {
        throw p.error("weights", w.length + " weights for " + k + " balls");
      }
      GaussianMixtureTarget.checkWeights(p, w);
    }
    return new Config(java.util.Arrays.stream(centres).boxed().toList(), java.util.Arrays.stream(w).boxed().toList(),
        dim, p.real("radius"), p.real("sigma0"));
  }

  @Override
  public Target create(Config c) {
    double[] centres = c.centres().stream().mapToDouble(Double::doubleValue).toArray();
    double[] w = c.weights().stream().mapToDouble(Double::doubleValue).toArray();
    return new SyntheticTarget(new BallsMixture(w, centres, c.dim(), c.radius(), c.sigma0()));
  }
}

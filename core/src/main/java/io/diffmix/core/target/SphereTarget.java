package io.diffmix.core.target;

import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TargetFactory;
import java.util.List;

/**
 * The {@code circle} and {@code sphere} targets: Q0 uniform on a circle (or on S^{m−1}) of the given radius in
 * the first two (or m) coordinates, convolved with N(0, σ0² I).
 */
public final class SphereTarget implements TargetFactory<SphereTarget.Config> {
  private final boolean circle;

  /**
   * @param dim the dimension n
   * @param m the sphere lives in the first m coordinates (2 for the circle)
   * @param radius r
   * @param sigma0 σ0
   */
  public record Config(int dim, int m, double radius, double sigma0) {}

  private SphereTarget(boolean circle) {
    this.circle = circle;
  }

  public static SphereTarget circle() {
    return new SphereTarget(true);
  }

  public static SphereTarget sphere() {
    return new SphereTarget(false);
  }

  @Override
  public String name() {
    return circle ? "circle" : "sphere";
  }

  @Override
  public String description() {
    return circle
        ? "uniform on a circle of radius r in the first two coordinates, convolved with N(0, sigma0^2 I); "
            + "exact score through I1/I0"
        : "uniform on the sphere S^(m-1) of radius r in the first m coordinates, convolved with N(0, sigma0^2 I); "
            + "exact score through I_(m/2)/I_(m/2-1)";
  }

  @Override
  public List<Param> params() {
    Param dim = Param.integer("dim", circle ? 2 : 3, "dimension n").atLeast(2).atMost(10_000);
    Param radius = Param.real("radius", 4.0, "radius r of the circle or sphere").greaterThan(0);
    Param sigma0 = Param.real("sigma0", 1.0, "standard deviation sigma0 of the noise around it").greaterThan(0);
    return circle ? List.of(radius, dim, sigma0)
        : List.of(radius, Param.integer("m", 3, "the sphere S^(m-1) lies in the first m coordinates")
            .atLeast(2).atMost(10_000), dim, sigma0);
  }

  @Override
  public Config configure(Params p) {
    int dim = p.integer("dim");
    int m = circle ? 2 : p.integer("m");
    if (m > dim) {
      throw p.error("m", m + " is larger than dim = " + dim + "; valid: 2 to dim");
    }
    return new Config(dim, m, p.real("radius"), p.real("sigma0"));
  }

  @Override
  public Target create(Config c) {
    return new SyntheticTarget(new SphereMixture(c.dim(), c.m(), c.radius(), c.sigma0()));
  }
}

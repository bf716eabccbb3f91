package io.diffmix.regression.piecewise;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.diffmix.core.config.Param;
import io.diffmix.core.config.Params;
import io.diffmix.core.spi.LearnerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@code piecewise-polynomial} learner's factory: its parameters, their defaults, and its saved models. */
public final class PiecewisePolynomialFactory {
  /** The largest degree a config may ask for. */
  private static final int MAX_DEGREE = 12;

  public static final LearnerFactory<PiecewisePolynomialLearner.Config> FACTORY = new LearnerFactory.Of<>(
      "piecewise-polynomial", "the paper's learner: Hermite-polynomial regression of E[mu|y] on Voronoi cells of "
      + "warm starts, level by level, with Algorithm 2's refresh whenever t+1 halves", params(),
      PiecewisePolynomialFactory::configure, PiecewisePolynomialLearner::new,
      (in, registry) -> PiecewisePolynomialModel.readPayload(in));

  private PiecewisePolynomialFactory() {}

  private static List<Param> params() {
    ArrayNode degrees = JsonNodeFactory.instance.arrayNode().add(1.0).add(2.0).add(3.0).add(4.0);
    return List.of(
        Param.integer("degree", 3, "total degree d of each cell's polynomial, or \"auto\": chosen per level from "
            + "`degrees` by held-out loss").atLeast(0).atMost(MAX_DEGREE).orKeyword("auto"),
        new Param("degrees", Param.Kind.REAL_LIST, degrees, "candidate degrees for degree \"auto\"", 0, false,
            MAX_DEGREE, false, List.of()),
        Param.real("ridge", 1e-6, "ridge lambda, relative to tr(G)/p").atLeast(0).atMost(1),
        Param.real("sigma0", 1.0, "assumed standard deviation sigma0 of the components").greaterThan(0),
        Param.real("r0", 1.0, "assumed radius R0 of a component's support").atLeast(0),
        Param.real("alpha_min", 0.05, "assumed smallest component weight").greaterThan(0).lessThan(1),
        Param.real("c", 0.25, "cover constant: radius c (R0 + s sqrt(ln(1/alpha_min)))").greaterThan(0),
        Param.real("clip_radius", "radius D of the ball the posterior mean is clipped to; "
            + "null: 1.5 x the largest training norm").greaterThan(0).orAuto(),
        Param.integer("warm_start_batch", 4000, "training rows set aside for Algorithm 2 (at most a fifth)")
            .atLeast(1).atMost(1_000_000),
        Param.choice("target", RegressionTarget.POSTERIOR_MEAN.key, "regression target: the paper's "
            + "posterior-mean form, or the noise -xi/sqrt(t); they differ only through the ridge",
            RegressionTarget.keys()),
        Param.choice("variance_reduction", VarianceReduction.CONTROL_VARIATE_AND_FREEZE.key, "small-noise variance reduction: none; "
            + "control-variate (an exact mean-zero control c sum Phi(x) xi on each cell's right-hand side, below "
            + "t = sigma0^2); freeze (below t* = 0.05 sigma0^2, keep the posterior mean of the first level there); or "
            + "control-variate+freeze (both)", VarianceReduction.keys()),
        Param.real("boundary_blend", 0.0, "width b of a smooth blend of neighbouring cells' polynomials across "
            + "the Voronoi boundaries, h = b s (softmax weights exp(-|y - mu_j|^2 / 2h^2), tapered to 0 below "
            + "1e-4, or 1/(4 cells) when smaller); 0: the paper's hard cells. The fit is the same; a blend makes "
            + "the served score continuous, which model-likelihood's tv_upper needs; 0, or 0.001 to 10")
            .atLeast(0).atMost(10));
  }

  private static PiecewisePolynomialLearner.Config configure(Params p) {
    PiecewisePolynomialLearner.Degree degree = p.isKeyword("degree", "auto") ? candidates(p)
        : PiecewisePolynomialLearner.Degree.fixed(p.integer("degree"));
    var assumptions = new Assumptions(p.real("sigma0"), p.real("r0"),
        p.real("alpha_min"), p.real("c"));
    var estimator = new PiecewisePolynomialLearner.Estimator(p.real("ridge"), RegressionTarget.of(p.text("target")),
        VarianceReduction.of(p.text("variance_reduction")));
    return new PiecewisePolynomialLearner.Config(degree, estimator, assumptions,
        p.isAuto("clip_radius") ? Double.NaN : p.real("clip_radius"), p.integer("warm_start_batch"),
        blend(p));
  }

  /** The smallest nonzero boundary_blend: a narrower blend is as steep as the hard cells (README's table). */
  static final double MIN_BLEND = 1e-3;

  private static double blend(Params p) {
    double b = p.real("boundary_blend");
    if (b != 0 && b < MIN_BLEND) {
      throw p.error("boundary_blend", b + " is below " + MIN_BLEND + "; valid: 0 (hard cells) or " + MIN_BLEND
          + " to 10");
    }
    return b;
  }

  /** degree "auto": the distinct whole numbers of {@code degrees}, in their order. */
  private static PiecewisePolynomialLearner.Degree candidates(Params p) {
    List<Integer> list = new ArrayList<>();
    for (double d : p.realList("degrees")) {
      if (d != Math.rint(d)) {
        throw p.error("degrees", d + " is not an integer; valid: integers from 0 to " + MAX_DEGREE);
      }
      if (!list.contains((int) d)) {
        list.add((int) d);
      }
    }
    return new PiecewisePolynomialLearner.Degree(Collections.max(list), List.copyOf(list));
  }
}

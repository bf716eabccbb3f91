package io.diffmix.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.target.GaussianMixture;
import io.diffmix.core.testkit.TestSchedules;
import io.diffmix.core.testkit.TestTargets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 4, acceptance 2: the ODE samplers' observed order of convergence with the exact score.
 *
 * <p>On the quickstart mixture (2-D, three components, σ0 = 1) under {@code ve}, the same initial points are
 * carried from σ = 80 to σ = 0.002 on Karras et al.'s grid (ρ = 7, built here in σ = √t_VE since the grid
 * plugins live in another module). The error is the RMS distance of the final points to a reference solution,
 * RK4 with 4096 steps. A method of order p has error C·N^{−p} for N steps; the slope of ln(error) against
 * ln N, fitted by least squares over N = 16 … 256 (RK4: 8 … 64, above where round-off dominates), must be −p
 * within ±0.3.
 */
class ConvergenceOrderTest {
  private static final int POINTS = 64;
  private static final Schedule VE = TestSchedules.ve();
  private static final GaussianMixture TARGET = TestTargets.quickstart();
  private static double[] reference;

  /** Karras et al. eq. 5 in VE time: σ_i = (σmax^{1/ρ} + i/N (σmin^{1/ρ} − σmax^{1/ρ}))^ρ, t = σ². */
  static double[] karras(int steps) {
    double hi = Math.pow(80, 1 / 7.0);
    double lo = Math.pow(0.002, 1 / 7.0);
    double[] t = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      double sigma = Math.pow(hi + (lo - hi) * i / steps, 7);
      t[i] = sigma * sigma;
    }
    return t;
  }

  /** The same POINTS initial points for every run: the prior N(0, (80² + 1) I) from fixed streams. */
  static double[] initial() {
    double[] x = new double[POINTS * 2];
    SampleNoise noise = new SampleNoise(new RandomStreams(11), "start", 0, POINTS);
    double sd = Math.sqrt(80 * 80 + 1);
    for (int i = 0; i < POINTS; i++) {
      noise.gaussians(i, x, 2 * i, 2);
    }
    for (int q = 0; q < x.length; q++) {
      x[q] *= sd;
    }
    return x;
  }

  static double[] solve(Sampler sampler, int steps) {
    double[] x = initial();
    sampler.sample(TARGET, VE, karras(steps), new Sampler.Chunk(x, POINTS, 2,
        new SampleNoise(new RandomStreams(12), "unused", 0, POINTS)));
    return x;
  }

  static synchronized double[] reference() {
    if (reference == null) {
      reference = solve(new PfRk4Sampler(), 4096);
    }
    return reference;
  }

  static double rmsError(double[] x) {
    double[] ref = reference();
    double sum = 0;
    for (int q = 0; q < x.length; q++) {
      sum += (x[q] - ref[q]) * (x[q] - ref[q]);
    }
    return Math.sqrt(sum / POINTS);
  }

  @ParameterizedTest(name = "{0} {1}: order {2}")
  @CsvSource(delimiter = '|', textBlock = """
      pf-euler       | {"type": "pf-euler"}                | 1 | 16 | 256
      pf-heun        | {"type": "pf-heun"}                 | 2 | 16 | 256
      pf-rk4         | {"type": "pf-rk4"}                  | 4 |  8 |  64
      dpm-solver++2m | {"type": "dpm-solver++2m"}          | 2 | 16 | 256
      ddim           | {"type": "ddim", "eta": 0}          | 1 | 16 | 256
      """)
  void observedOrderOnTheKarrasGrid(String name, String json, int order, int fromSteps, int toSteps) {
    Sampler sampler = NamedSampler.of(json);
    int count = Integer.numberOfTrailingZeros(toSteps / fromSteps) + 1;
    double[] logN = new double[count];
    double[] logErr = new double[count];
    for (int i = 0, n = fromSteps; n <= toSteps; i++, n *= 2) {
      logN[i] = Math.log(n);
      logErr[i] = Math.log(rmsError(solve(sampler, n)));
    }
    double slope = slope(logN, logErr);
    System.out.printf(Locale.ROOT, "%s: errors %s, fitted slope %.3f%n", name,
        Arrays.toString(Arrays.stream(logErr).map(Math::exp).toArray()), slope);
    assertThat(-slope).as("%s observed order", name).isCloseTo(order, within(0.3));
  }

  static double slope(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }
}

package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.config.ParamResolver;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.GridCheck;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.PluginFactory;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.TimeGrid;
import io.diffmix.core.target.GaussianMixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The three axes combine freely (docs/design-space.md: "schedule, time discretisation and solver are separate
 * axes"): every registered sampler, under every registered schedule, on every step-count grid, gives finite
 * points for every step count from 1 to 64, and the grid passes {@link GridCheck}. The plugin contract tests
 * check each sampler under ve and vp only; this reaches vp-linear's short range, vp-cosine's steep end and
 * edm's σ = t, through the registry by name as the CLI does.
 */
class DesignSpaceTest {
  private static final Registry REGISTRY = Registry.load(List.of(), w -> {});

  @SuppressWarnings("unchecked")
  private static <T> T create(Family<?> family, String json) {
    ObjectNode o = (ObjectNode) Json.parse(json, "test");
    PluginFactory<Record, T> f = (PluginFactory<Record, T>) REGISTRY.forName(family, o.get("type").asText());
    return f.create(f.configure(ParamResolver.resolve(family.name(), f.name(), f.params(), o, "test", Set.of())));
  }

  /**
   * Issue 4, acceptance 3, with the registered plugins: {@code exp-integrator} on {@code vp} equals e^{−τ} times
   * {@code paper-ve} on {@code ve}, at the matching times of the {@code paper} grid and with the same initial
   * points and noise streams, to 1e-10 relative (round-off of ~200 steps of a few operations each).
   */
  @Test
  void expIntegratorOnVpIsExpMinusTauTimesPaperVeOnVe() {
    GaussianMixture gm = new GaussianMixture(new double[] {0.5, 0.3, 0.2}, new double[] {0, 0, 5, 0, 0, 5}, 2, 1);
    DataMoments moments = new DataMoments(2, 1000, new double[] {1.5, 1}, 14.5, 5.4);
    Schedule ve = create(Family.SCHEDULE, "{\"type\": \"ve\"}");
    Schedule vp = create(Family.SCHEDULE, "{\"type\": \"vp\"}");
    TimeGrid grid = create(Family.GRID, "{\"type\": \"paper\", \"kappa\": 0.05}");
    double[] t = GridCheck.check(grid.times(ve, moments), ve, "ve");
    double[] tau = GridCheck.check(grid.times(vp, moments), vp, "vp");
    int rows = 200;
    Prior prior = Prior.at(ve, t[0], moments);
    double[] y;
    double[] x;
    try (Parallel serial = Parallel.serial()) {
      y = SamplingRun.run(create(Family.SAMPLER, "{\"type\": \"paper-ve\"}"), gm, ve, t, prior, rows,
          new RandomStreams(8), serial).samples().data();
      // the same initial points, scaled by e^{−τ_N}: a prior scaled the same way draws them from the same streams
      double scale0 = Math.exp(-tau[0]);
      double[] mean = prior.mean().clone();
      for (int j = 0; j < mean.length; j++) {
        mean[j] *= scale0;
      }
      x = SamplingRun.run(create(Family.SAMPLER, "{\"type\": \"exp-integrator\"}"), gm, vp, tau,
          new Prior(mean, prior.sd() * scale0), rows, new RandomStreams(8), serial).samples().data();
    }
    double scale = Math.exp(-tau[tau.length - 1]);
    double worst = 0;
    double size = 0;
    for (int q = 0; q < x.length; q++) {
      worst = Math.max(worst, Math.abs(x[q] - scale * y[q]));
      size = Math.max(size, Math.abs(scale * y[q]));
    }
    assertThat(t.length).isGreaterThan(150);
    assertThat(worst).isLessThanOrEqualTo(1e-10 * size);
  }

  @Test
  void everySamplerUnderEveryScheduleOnEveryGridIsFiniteForEveryStepCount() {
    GaussianMixture gm = new GaussianMixture(new double[] {0.5, 0.3, 0.2}, new double[] {0, 0, 5, 0, 0, 5}, 2, 1);
    Samples data = Samples.zeros(2000, 2);
    gm.sample(2000, new RandomStreams(1).stream("data"), data.data());
    DataMoments moments = DataMoments.of(data);
    List<String> samplers = new ArrayList<>();
    REGISTRY.availableNames(Family.SAMPLER).forEach(n -> samplers.add("{\"type\": \"" + n + "\"}"));
    samplers.add("{\"type\": \"ddim\", \"eta\": 1}");
    int runs = 0;
    try (Parallel serial = Parallel.serial()) {
      for (String scheduleName : REGISTRY.availableNames(Family.SCHEDULE)) {
        Schedule schedule = create(Family.SCHEDULE, "{\"type\": \"" + scheduleName + "\"}");
        for (String gridName : List.of("paper", "uniform", "log-snr", "karras")) {
          for (int steps = 1; steps <= 64; steps++) {
            ObjectNode g = JsonNodeFactory.instance.objectNode().put("type", gridName).put("steps", steps);
            TimeGrid grid = create(Family.GRID, g.toString());
            double[] t = GridCheck.check(grid.times(schedule, moments), schedule, scheduleName + "/" + gridName);
            assertThat(t).hasSize(steps + 1);
            Prior prior = Prior.at(schedule, t[0], moments);
            for (String json : samplers) {
              Sampler sampler = create(Family.SAMPLER, json);
              Samples out = SamplingRun.run(sampler, gm, schedule, t, prior, 4, new RandomStreams(steps), serial, 4)
                  .samples();
              for (double v : out.data()) {
                assertThat(v).as("%s under %s on %s with %d steps", json, scheduleName, gridName, steps).isFinite();
              }
              runs++;
            }
          }
        }
      }
    }
    assertThat(runs).isEqualTo(5 * 4 * 64 * 12);
  }
}

package io.diffmix.bench;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every benchmark of this module, with the plugin family its {@code @Param} ranges over. The names of that family
 * come from the registry at run time, so a jar dropped into {@code plugins/} is benchmarked like a built-in.
 *
 * <pre>{@code
 * for (Benchmarks.Pair p : Benchmarks.pairs(registry, Pattern.compile("pf-"))) System.out.println(p.label());
 * }</pre>
 */
final class Benchmarks {
  private Benchmarks() {}

  /**
   * One benchmark method.
   *
   * @param type its class
   * @param method the {@code @Benchmark} method
   * @param family the plugin family of its parameter, or null for a benchmark of core's own kernels
   * @param param the {@code @Param} field that names the plugin (or the kernel)
   * @param fixtureKey the fixture's config key that the plugin replaces; null with a null family
   * @param fixed the values of {@code param} when family is null
   */
  record Bench(Class<?> type, String method, Family<?> family, String param, String fixtureKey, List<String> fixed) {
    Bench(Class<?> type, String method, Family<?> family, String param, String fixtureKey) {
      this(type, method, family, param, fixtureKey, List.of());
    }

    /** {@code SamplerBench.step}: the short name in labels and the summary. */
    String shortName() {
      return type.getSimpleName() + "." + method;
    }

    /** The name JMH knows it by. */
    String jmhName() {
      return type.getName() + "." + method;
    }
  }

  /**
   * A benchmark with one plugin: what {@code --include} matches, as {@code SamplerBench.step:pf-heun}.
   *
   * @param problem why the plugin cannot run in the fixture with its defaults (a required parameter), if so
   */
  record Pair(Bench bench, String plugin, Optional<String> problem) {
    String label() {
      return bench.shortName() + ":" + plugin;
    }
  }

  static final List<Bench> ALL = List.of(
      // the regressions' Gram kernel of core.linalg: not a plugin, so its kernels are a fixed list
      new Bench(GramBench.class, "accumulate", null, "kernel", null, GramBench.KERNELS),
      new Bench(LearnerBench.class, "fit", Family.LEARNER, "learner", "learner"),
      new Bench(SamplerBench.class, "step", Family.SAMPLER, "sampler", "sampler"),
      new Bench(SamplerBench.class, "sample", Family.SAMPLER, "sampler", "sampler"),
      new Bench(ScheduleBench.class, "evaluate", Family.SCHEDULE, "schedule", "schedule"),
      new Bench(MetricBench.class, "evaluate", Family.METRIC, "metric", "metrics"));

  /** Every benchmark × registered plugin whose label {@code include} finds, in the order of {@link #ALL}. */
  static List<Pair> pairs(Registry registry, Pattern include) {
    List<Pair> out = new ArrayList<>();
    for (Bench b : ALL) {
      for (String name : b.family() == null ? b.fixed() : registry.availableNames(b.family())) {
        if (include.matcher(b.shortName() + ":" + name).find()) {
          out.add(new Pair(b, name, b.family() == null ? Optional.empty() : problem(registry, b, name)));
        }
      }
    }
    return out;
  }

  /** Whether the plugin's defaults build in the fixture; the problem's message if not. */
  private static Optional<String> problem(Registry registry, Bench b, String name) {
    try {
      Fixture.with(registry, b.fixtureKey(), name);
      return Optional.empty();
    } catch (BadInputException | IllegalArgumentException | IllegalStateException e) {
      return Optional.of(String.valueOf(e.getMessage()).replace('\n', ' '));
    }
  }
}

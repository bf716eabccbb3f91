package io.diffmix.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.GridCheck;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Schedule;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TrueDistribution;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed small problem every benchmark runs on, built through the registry by name only: the quickstart
 * mixture (2-D, three components), 2,000 training rows, the paper's grid at κ = 0.2 (49 levels) under VE.
 *
 * <pre>{@code
 * Fixture f = Fixture.with(Fixture.registry(), "sampler", "pf-heun");
 * Sampler s = (Sampler) f.spec().sampler().instance();
 * }</pre>
 *
 * <p>The benchmarks' forked JVMs find the plugin folders in the system property {@value #PLUGINS_PROPERTY}
 * (paths joined by the path separator), which {@link BenchMain} passes to every fork.
 */
record Fixture(ExperimentSpec spec, Target.TargetData data, TrueDistribution truth, Schedule schedule,
    double[] times) {
  static final String PLUGINS_PROPERTY = "diffmix.bench.plugins";
  static final int TRAIN = 2000;
  static final int REFERENCE = 1000;

  private static final String BASE = """
      {"seed": 7,
       "target": {"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2],
                  "means": [[0, 0], [5, 0], [0, 5]], "sigma0": 1.0},
       "train": 2000, "reference": 1000, "generate": 1000,
       "schedule": "ve", "grid": {"type": "paper", "kappa": 0.2, "t1": 0.001},
       "learner": "exact", "sampler": "paper-ve", "metrics": ["mmd"], "oracle": false}
      """;

  /** The plugin folders named by {@value #PLUGINS_PROPERTY}. */
  static List<Path> pluginDirs() {
    String p = System.getProperty(PLUGINS_PROPERTY, "");
    List<Path> dirs = new ArrayList<>();
    for (String s : p.split(File.pathSeparator)) {
      if (!s.isBlank()) {
        dirs.add(Path.of(s));
      }
    }
    return dirs;
  }

  /** The registry of the class path's plugins and those of {@link #pluginDirs()}. */
  static Registry registry() {
    return Registry.load(pluginDirs(), msg -> System.err.println("diffmix bench: warning: " + msg));
  }

  /**
   * The fixture with one component replaced by the named plugin with its defaults: {@code key} is a config
   * key ({@code learner}, {@code sampler}, {@code schedule}) or {@code metrics}.
   */
  static Fixture with(Registry registry, String key, String name) {
    ObjectNode root = (ObjectNode) Json.parse(BASE, "bench fixture");
    if (key.equals("metrics")) {
      root.set("metrics", JsonNodeFactory.instance.arrayNode().add(name));
    } else {
      root.put(key, name);
    }
    return of(root, registry);
  }

  /** The fixture of a config that differs from the base in the given keys. */
  static Fixture of(ObjectNode root, Registry registry) {
    ExperimentSpec spec = ExperimentSpec.parse(root, "bench fixture", registry);
    Target target = spec.target().instance();
    Target.TargetData data = target.draw(spec.train(), spec.reference(), new RandomStreams(spec.seed()).child("data"));
    Schedule schedule = spec.schedule().instance();
    double[] times = GridCheck.times(spec.grid().instance(), schedule, DataMoments.of(data.train()), "bench grid");
    return new Fixture(spec, data, target.truth().orElseThrow(), schedule, times);
  }

  /** The base config, for benchmarks that change more than one key. */
  static ObjectNode base() {
    return (ObjectNode) Json.parse(BASE, "bench fixture");
  }
}

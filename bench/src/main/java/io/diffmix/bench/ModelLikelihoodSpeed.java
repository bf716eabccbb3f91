package io.diffmix.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.experiment.ExperimentRunner;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.experiment.GridCheck;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Metric;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The speed of {@code model-likelihood} against sampling (issue 15, acceptance 5): on the quickstart, per
 * learner, the median wall time of the metric on the 10,000 reference points beside that of sampling 10,000
 * points with {@code pf-heun} on a {@code karras} grid of 100 steps, both on the same fitted model and the same
 * threads, in one JVM, after warm-up runs. Plugins are reached by name through the registry only.
 *
 * <pre>{@code
 * scripts/model-likelihood-speed.sh   # = java -cp bench/target/benchmarks.jar io.diffmix.bench.ModelLikelihoodSpeed
 * }</pre>
 */
public final class ModelLikelihoodSpeed {
  private static final List<String> LEARNERS = List.of(
      "{\"type\": \"piecewise-polynomial\"}",
      "{\"type\": \"kernel-ridge\"}",
      "{\"type\": \"em-gmm\", \"components\": 3, \"covariance\": \"spherical\"}",
      "{\"type\": \"exact\"}");

  private ModelLikelihoodSpeed() {}

  public static void main(String[] args) throws IOException {
    Path preset = Path.of(args.length > 0 ? args[0] : "cli/src/main/resources/io/diffmix/cli/presets/quickstart.json");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Registry registry = Registry.load(List.of(), System.err::println);
    System.out.printf(Locale.ROOT, "%-60s %10s %12s %12s %8s %10s%n", "learner", "evals/pt", "likelihood s",
        "pf-heun s", "ratio", "nll");
    // -Dlearner=JSON: one learner instead of the four; -Dmetric=JSON: model-likelihood with other parameters
    List<String> learners = System.getProperty("learner") == null ? LEARNERS : List.of(System.getProperty("learner"));
    String likelihood = System.getProperty("metric", "\"model-likelihood\"");
    for (String learner : learners) {
      ObjectNode root = (ObjectNode) Json.read(preset);
      root.set("learner", Json.parse(learner, "learner"));
      root.set("sampler", Json.parse("{\"type\": \"pf-heun\", \"grid\": {\"type\": \"karras\", \"steps\": 100}}",
          "sampler"));
      root.set("metrics", Json.parse("[" + likelihood + "]", "metrics"));
      root.put("oracle", false);
      ExperimentSpec spec = ExperimentSpec.parse(root, preset.toString(), registry);
      ExperimentRunner.Fit fit = ExperimentRunner.fit(spec, threads, s -> { }, ExperimentRunner.Progress.NONE);
      Schedule schedule = spec.schedule().instance();
      double[] karras = GridCheck.times(spec.samplerGrid().orElseThrow().instance(), schedule, fit.moments(),
          "sampler.grid");
      ScoreModel model = fit.fitted().model();
      Sampler sampler = spec.sampler().instance();
      Prior prior = Prior.at(schedule, karras[0], fit.moments());
      Metric metric = spec.metrics().get(0).instance();
      double[] sampleSeconds = new double[repeats];
      double[] likelihoodSeconds = new double[repeats];
      Metric.Result last = null;
      try (Parallel par = new Parallel(threads)) {
        Metric.Input input = new Metric.Input(fit.data().reference(), fit.data().reference(),
            spec.target().instance().truth(), Optional.of(model), schedule, fit.grid(), new RandomStreams(1), par,
            Optional.of(fit.moments()));
        // warm-up: two of each, so that both paths run compiled code when timed
        for (int w = 0; w < 2; w++) {
          SamplingRun.run(sampler, model, schedule, karras, prior, spec.generate(), new RandomStreams(w), par);
          metric.evaluate(input);
        }
        for (int r = 0; r < repeats; r++) {
          long t0 = System.nanoTime();
          SamplingRun.run(sampler, model, schedule, karras, prior, spec.generate(), new RandomStreams(r), par);
          sampleSeconds[r] = (System.nanoTime() - t0) / 1e9;
          t0 = System.nanoTime();
          last = metric.evaluate(input);
          likelihoodSeconds[r] = (System.nanoTime() - t0) / 1e9;
        }
      }
      double like = median(likelihoodSeconds);
      double sample = median(sampleSeconds);
      System.out.printf(Locale.ROOT, "%-60s %10.1f %12.3f %12.3f %8.2f %10.5f%n", learner,
          ((Number) last.details().get("evaluations_per_point")).doubleValue(), like, sample, like / sample,
          last.values().get("nll"));
    }
    System.out.println("(medians of " + repeats + " runs after 2 warm-ups; " + threads + " threads; "
        + "10,000 reference points against 10,000 generated)");
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}

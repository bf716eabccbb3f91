package io.diffmix.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.Prior;
import io.diffmix.core.experiment.SamplingRun;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.score.ScoreModel;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.Sampler;
import io.diffmix.core.spi.Schedule;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A sampler, named by {@code sampler}, driven by a degree-3 {@code piecewise-polynomial} model of the 2-D
 * quickstart (fitted once per fork on the fixture's 2,000 rows; the exact score if that learner is not
 * registered, or when the sampler refuses that model, as {@code mixture} refuses any but a closed-form mixture), on
 * one thread:
 * <ul>
 *   <li>{@code step}: one step over a batch of 1,000 points, from the grid's middle level to the next;</li>
 *   <li>{@code sample}: a full sample of 1,000 points down the fixture's 49 levels.</li>
 * </ul>
 * Both count score evaluations (NFE × rows) as the secondary result {@code scoreEvals}, in evaluations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SamplerBench {
  static final int ROWS = 1000;
  static final String MODEL_LEARNER = "piecewise-polynomial";

  /** Filled with every registered name by {@link BenchMain}; the default serves a bare {@code benchmarks.jar} run. */
  @Param("paper-ve")
  public String sampler;

  private Sampler instance;
  private ScoreModel model;
  private Schedule schedule;
  private double[] times;
  private double[] stepTimes;
  private double[] start;
  private double[] x;
  private SampleNoise stepNoise;
  private Prior prior;
  private RandomStreams streams;
  private Parallel serial;

  /** Score evaluations, reported per second beside each benchmark's own rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class ScoreEvals {
    public long scoreEvals;

    @Setup(Level.Iteration)
    public void reset() {
      scoreEvals = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    Registry registry = Fixture.registry();
    Fixture f = Fixture.with(registry, "sampler", sampler);
    instance = f.spec().sampler().instance();
    schedule = f.schedule();
    times = f.times();
    serial = Parallel.serial();
    model = model(registry, f, serial);
    if (!accepts(instance, model, schedule, times)) {
      // a sampler that draws from a closed-form law (mixture) refuses the fitted polynomial: the exact score is one
      model = f.truth().exactScore();
    }
    int dim = model.dim();

    int k = times.length / 2;
    stepTimes = new double[] {times[k], times[k + 1]};
    // points of p_t at the step's first time: α x0 + σ z
    double alpha = schedule.alpha(times[k]);
    double sigma = schedule.sigma(times[k]);
    start = new double[ROWS * dim];
    f.truth().sample(ROWS, new RandomStreams(11).stream("bench-start"), start);
    var rng = new RandomStreams(12).stream("bench-noise");
    for (int q = 0; q < start.length; q++) {
      start[q] = alpha * start[q] + sigma * rng.nextGaussian();
    }
    x = new double[start.length];
    streams = new RandomStreams(13);
    stepNoise = new SampleNoise(streams, SamplingRun.STREAM, 0, ROWS);
    prior = Prior.at(schedule, times[0], DataMoments.of(f.data().train()));
  }

  /** The degree-3 model the samplers run on, fitted by name; the exact score when the learner is absent. */
  private static ScoreModel model(Registry registry, Fixture f, Parallel parallel) {
    if (!registry.availableNames(Family.LEARNER).contains(MODEL_LEARNER)) {
      return f.truth().exactScore();
    }
    ObjectNode root = Fixture.base();
    root.set("learner", JsonNodeFactory.instance.objectNode().put("type", MODEL_LEARNER).put("degree", 3));
    Fixture g = Fixture.of(root, registry);
    Learner learner = g.spec().learner().instance();
    return learner.fit(new Learner.Input(g.data().train(), g.schedule(), g.times(),
        new RandomStreams(7).child("learner"), parallel, Optional.empty(), Learner.Progress.NONE)).model();
  }

  /** Whether the sampler takes this model: one row down the grid, refused by one line of bad input. */
  private static boolean accepts(Sampler sampler, ScoreModel model, Schedule schedule, double[] times) {
    try {
      sampler.sample(model, schedule, times, new Sampler.Chunk(new double[model.dim()], 1, model.dim(),
          new SampleNoise(new RandomStreams(1), SamplingRun.STREAM, 0, 1)));
      return true;
    } catch (BadInputException e) {
      return false;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    serial.close();
  }

  @Benchmark
  public double[] step(ScoreEvals evals) {
    System.arraycopy(start, 0, x, 0, x.length);
    int nfe = instance.sample(model, schedule, stepTimes, new Sampler.Chunk(x, ROWS, model.dim(), stepNoise));
    evals.scoreEvals += (long) nfe * ROWS;
    return x;
  }

  @Benchmark
  public Samples sample(ScoreEvals evals) {
    SamplingRun.Result r = SamplingRun.run(instance, model, schedule, times, prior, ROWS, streams, serial);
    evals.scoreEvals += (long) r.nfe() * ROWS;
    return r.samples();
  }
}

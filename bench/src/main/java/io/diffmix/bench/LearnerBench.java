package io.diffmix.bench;

import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Learner;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * A learner's whole fit, with its default parameters, on the fixture's 2,000 quickstart rows and 49 levels, on
 * one thread. The learner is named by {@code learner}, which {@link BenchMain} fills from the registry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LearnerBench {
  /** Filled with every registered name by {@link BenchMain}; the default serves a bare {@code benchmarks.jar} run. */
  @Param("piecewise-polynomial")
  public String learner;

  private Learner instance;
  private Learner.Input input;
  private Parallel serial;

  @Setup(Level.Trial)
  public void setUp() {
    Registry registry = Fixture.registry();
    Fixture f = Fixture.with(registry, "learner", learner);
    instance = f.spec().learner().instance();
    serial = Parallel.serial();
    input = new Learner.Input(f.data().train(), f.schedule(), f.times(), new RandomStreams(7).child("learner"),
        serial, Optional.of(f.truth()), Learner.Progress.NONE);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    serial.close();
  }

  @Benchmark
  public Learner.FittedModel fit() {
    return instance.fit(input);
  }
}

package io.diffmix.bench;

import io.diffmix.core.data.DataMoments;
import io.diffmix.core.data.Samples;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Metric;
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
 * A metric, named by {@code metric}, with its defaults, on fixed sample sets: 1,000 generated points (true
 * quickstart points, widened by 5%) against the fixture's 1,000 reference points, with the exact score as the
 * model, three levels (t = 10, 1, 0.1) and the fixture's training moments (the prior) for model metrics; one thread. The floor is not included: it is the
 * same metric repeated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MetricBench {
  /** Filled with every registered name by {@link BenchMain}; the default serves a bare {@code benchmarks.jar} run. */
  @Param("mmd")
  public String metric;

  private Metric instance;
  private Metric.Input input;
  private Parallel serial;

  @Setup(Level.Trial)
  public void setUp() {
    Fixture f = Fixture.with(Fixture.registry(), "metrics", metric);
    instance = f.spec().metrics().get(0).instance();
    int dim = f.truth().dim();
    double[] g = new double[Fixture.REFERENCE * dim];
    f.truth().sample(Fixture.REFERENCE, new RandomStreams(21).stream("bench-generated"), g);
    for (int q = 0; q < g.length; q++) {
      g[q] *= 1.05;
    }
    serial = Parallel.serial();
    input = new Metric.Input(new Samples(g, Fixture.REFERENCE, dim), f.data().reference(), Optional.of(f.truth()),
        Optional.of(f.truth().exactScore()), f.schedule(), new double[] {10, 1, 0.1}, new RandomStreams(22),
        serial, Optional.of(DataMoments.of(f.data().train())));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    serial.close();
  }

  @Benchmark
  public Metric.Result evaluate() {
    return instance.evaluate(input);
  }
}

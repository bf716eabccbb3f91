package io.diffmix.bench;

import io.diffmix.core.spi.Schedule;
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

/**
 * A schedule's evaluation, named by {@code schedule}: α, σ, d ln α/dt, dσ²/dt, the VE time and its inverse at
 * 1,000 times whose VE-equivalent times are log-spaced from 1e-3 to 1e3, so that every schedule is asked over
 * the same noise levels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScheduleBench {
  static final int TIMES = 1000;

  /** Filled with every registered name by {@link BenchMain}; the default serves a bare {@code benchmarks.jar} run. */
  @Param("ve")
  public String schedule;

  private Schedule instance;
  private double[] times;

  @Setup(Level.Trial)
  public void setUp() {
    instance = Fixture.with(Fixture.registry(), "schedule", schedule).schedule();
    times = new double[TIMES];
    for (int i = 0; i < TIMES; i++) {
      times[i] = instance.timeOfVe(Math.pow(10, -3 + 6.0 * i / (TIMES - 1)));
    }
  }

  @Benchmark
  public double evaluate() {
    double sum = 0;
    for (double t : times) {
      sum += instance.alpha(t) + instance.sigma(t) + instance.dLogAlpha(t) + instance.dSigma2(t)
          + instance.timeOfVe(instance.veTime(t));
    }
    return sum;
  }
}

package io.diffmix.bench;

import dev.ludovic.netlib.blas.BLAS;
import io.diffmix.core.linalg.Gram;
import java.util.List;
import java.util.Random;
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

/**
 * The regressions' Gram accumulation G = XᵀX (upper triangle) of an N × p row-major block, N = 20,000, on the
 * shapes of the learner issue: p = 35, 165 and 495 (degree 3 in 4, 8 and 12 dimensions, roughly). The kernels
 * are {@code vector} (core's Vector API kernel), {@code scalar} (core's scalar kernel, the same bits) and
 * {@code blas} (netlib's dsyrk: native OpenBLAS when Debian's libopenblas0 is installed, netlib's pure Java
 * otherwise; the summary names the one that ran). The primary result is Grams per second; the secondary {@code flops} counts 2·N·p² per Gram, as
 * numpy's {@code X.T @ X} is usually counted, so scripts/gram-vs-numpy.sh can set the two side by side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GramBench {
  static final int ROWS = 20_000;
  static final List<String> KERNELS = List.of("vector", "scalar", "blas");

  /** Filled with {@link #KERNELS} by {@link BenchMain}. */
  @Param("vector")
  public String kernel;

  @Param({"35", "165", "495"})
  public int p;

  private double[] x;
  private double[] g;

  /** Floating-point operations, reported per second beside the Grams per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    public long flops;

    @Setup(Level.Iteration)
    public void reset() {
      flops = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    if (!KERNELS.contains(kernel)) {
      throw new IllegalArgumentException("kernel " + kernel + "; valid: " + KERNELS);
    }
    x = new double[ROWS * p];
    Random r = new Random(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    g = new double[p * p];
  }

  /** Which BLAS netlib loaded, for the summary. */
  static String blasName() {
    return BLAS.getInstance().getClass().getSimpleName();
  }

  @Benchmark
  public double[] accumulate(Flops counter) {
    java.util.Arrays.fill(g, 0);
    switch (kernel) {
      case "vector" -> Gram.best().accumulateUpper(x, 0, ROWS, p, p, g);
      case "scalar" -> Gram.scalar().accumulateUpper(x, 0, ROWS, p, p, g);
      // X is p × N column-major: "L" in column-major is the upper triangle in row-major
      default -> BLAS.getInstance().dsyrk("L", "N", p, ROWS, 1.0, x, p, 0.0, g, p);
    }
    counter.flops += 2L * ROWS * p * p;
    return g;
  }
}

package io.diffmix.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GramTest {

  private static double[] gaussian(int size, long seed) {
    Random r = new Random(seed);
    double[] x = new double[size];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    return x;
  }

  @ParameterizedTest(name = "m={0} p={1} ld={2} off={3}")
  @CsvSource({
      "1, 1, 1, 0", "7, 3, 3, 0", "100, 4, 4, 0", "100, 5, 8, 3", "333, 12, 12, 0", "2048, 10, 12, 0",
      "513, 35, 35, 7", "1000, 36, 40, 0", "700, 165, 165, 0", "90, 495, 495, 0", "5000, 21, 21, 0"})
  void theVectorKernelMatchesTheScalarReferenceBitForBit(int m, int p, int ld, int off) {
    double[] x = gaussian(off + m * ld, 31L * m + p);
    double[] start = gaussian(p * p, 5);
    double[] expected = start.clone();
    double[] actual = start.clone();
    Gram.scalar().accumulateUpper(x, off, m, p, ld, expected);
    Gram.best().accumulateUpper(x, off, m, p, ld, actual);
    // the lower triangle is untouched, the upper one is the same fma chains
    assertThat(actual).containsExactly(expected);
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        assertThat(actual[a * p + b]).isEqualTo(start[a * p + b]);
      }
    }
  }

  @Test
  void theTestsRunTheVectorKernel() {
    // the surefire configuration adds jdk.incubator.vector: without it the test above compares scalar to scalar
    assertThat(Gram.best().name()).startsWith("vector-api");
  }

  @Test
  void smallIntegersGiveTheExactGram() {
    // products and sums of small integers are exact in double precision, so XᵀX is known to the last bit
    int m = 257;
    int p = 23;
    double[] x = new double[m * p];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 7919 % 23) - 11;
    }
    double[] g = new double[p * p];
    Gram.best().accumulateUpper(x, 0, m, p, p, g);
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        long exact = 0;
        for (int r = 0; r < m; r++) {
          exact += (long) x[r * p + a] * (long) x[r * p + b];
        }
        assertThat(g[a * p + b]).as("G[%d][%d]", a, b).isEqualTo((double) exact);
      }
    }
  }

  @Test
  void splittingTheRowsChangesNoBit() {
    // the kernel continues each entry's chain from g's value, so two calls over halves equal one call
    int m = 1001;
    int p = 37;
    double[] x = gaussian(m * p, 9);
    double[] whole = new double[p * p];
    double[] halves = new double[p * p];
    Gram.best().accumulateUpper(x, 0, m, p, p, whole);
    Gram.best().accumulateUpper(x, 0, 500, p, p, halves);
    Gram.best().accumulateUpper(x, 500 * p, m - 500, p, p, halves);
    assertThat(halves).containsExactly(whole);
  }
}

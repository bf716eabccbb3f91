package io.diffmix.core.random;

import java.util.random.RandomGenerator;

/**
 * One random stream per generated sample, for a range of global sample indices.
 *
 * <p>Sample i always reads stream {@code (purpose, i)}: first its starting point, then its noise, step by
 * step. So a chunk of rows gives the same bits whatever its size or the thread that runs it, and a paired
 * oracle run that builds the same {@code SampleNoise} sees the same initial points and noise.
 */
public final class SampleNoise {
  private final RandomStreams streams;
  private final String purpose;
  private final long firstIndex;
  private final RandomGenerator[] rows;

  /**
   * @param streams the run's streams
   * @param purpose the stream family, such as {@code "sample"}
   * @param firstIndex the global index of local row 0
   * @param rows how many rows
   */
  public SampleNoise(RandomStreams streams, String purpose, long firstIndex, int rows) {
    this.streams = streams;
    this.purpose = purpose;
    this.firstIndex = firstIndex;
    this.rows = new RandomGenerator[rows];
  }

  public int rows() {
    return rows.length;
  }

  /** The generator of local row {@code row}, created on first use. */
  public RandomGenerator row(int row) {
    RandomGenerator g = rows[row];
    if (g == null) {
      g = streams.stream(purpose, firstIndex + row);
      rows[row] = g;
    }
    return g;
  }

  /** Fills {@code out[offset .. offset+count)} with standard normals from row {@code row}'s stream. */
  public void gaussians(int row, double[] out, int offset, int count) {
    RandomGenerator g = row(row);
    for (int j = 0; j < count; j++) {
      out[offset + j] = g.nextGaussian();
    }
  }
}

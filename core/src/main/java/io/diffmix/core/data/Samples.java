package io.diffmix.core.data;

import java.util.Arrays;

/**
 * Points in R^dim, stored flat and row-major: row i is {@code data[i*dim .. i*dim+dim)}.
 *
 * <p>The array is shared, not copied; treat it as read-only once built.
 */
public record Samples(double[] data, int rows, int dim) {
  public Samples {
    if (rows < 0 || dim < 1 || data.length < (long) rows * dim) {
      throw new IllegalArgumentException("bad shape " + rows + " x " + dim + " for " + data.length + " values");
    }
  }

  public static Samples zeros(int rows, int dim) {
    return new Samples(new double[Math.multiplyExact(rows, dim)], rows, dim);
  }

  public double get(int row, int col) {
    return data[row * dim + col];
  }

  /** A copy of rows [from, to). */
  public Samples slice(int from, int to) {
    return new Samples(Arrays.copyOfRange(data, from * dim, to * dim), to - from, dim);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Samples s && s.rows == rows && s.dim == dim
        && Arrays.equals(s.data, 0, rows * dim, data, 0, rows * dim);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(Arrays.copyOf(data, rows * dim)) * 31 + dim;
  }

  @Override
  public String toString() {
    return "Samples[" + rows + " x " + dim + "]";
  }
}

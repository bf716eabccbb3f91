package io.diffmix.core.experiment;

import io.diffmix.core.data.Samples;
import io.diffmix.core.random.SampleNoise;

/** Where sampling starts at the top time: drawn from the {@link Prior}, or given by the user. */
public interface StartingPoints {

  /**
   * Fills local rows [0, rows) of {@code x} with the starting points of global rows [firstRow, firstRow + rows).
   * A drawn point reads only its own row's stream.
   */
  void fill(double[] x, int firstRow, int rows, SampleNoise noise);

  /** User-supplied points, such as the rows of {@code "init": "NOISE.npy"}; they consume no randomness. */
  static StartingPoints given(Samples points) {
    return (x, firstRow, rows, noise) ->
        System.arraycopy(points.data(), firstRow * points.dim(), x, 0, rows * points.dim());
  }
}

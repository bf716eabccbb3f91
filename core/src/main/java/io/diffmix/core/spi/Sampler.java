package io.diffmix.core.spi;

import io.diffmix.core.random.SampleNoise;
import io.diffmix.core.score.ScoreModel;

/**
 * A reverse-time sampler: moves points from the top time of a grid down to its last time.
 *
 * <p>The runner hands a sampler a chunk of rows at a time, in parallel. Each row draws its noise only from
 * its own stream, so the result does not depend on the chunk size or the thread count.
 */
public interface Sampler {

  /**
   * Integrates the rows of {@code chunk} from {@code times[0]} down to {@code times[times.length - 1]}, in
   * place.
   *
   * @param score the score model
   * @param schedule the schedule that {@code times} are in
   * @param times strictly decreasing times, at least one
   * @param chunk the rows and their noise streams
   * @return the number of score evaluations per row (NFE)
   */
  int sample(ScoreModel score, Schedule schedule, double[] times, Chunk chunk);

  /**
   * Rows of points with one noise stream each.
   *
   * @param x the points, flat and row-major, {@code rows × dim}; overwritten with the result
   * @param rows the number of rows
   * @param dim the dimension
   * @param noise the rows' noise streams, indexed by local row
   */
  record Chunk(double[] x, int rows, int dim, SampleNoise noise) {

    /**
     * Fills {@code xi}, {@code rows × dim}, with every row's next {@code dim} standard normals, each row from its
     * own stream: ξ for one step of a stochastic sampler.
     */
    public void gaussians(double[] xi) {
      for (int i = 0; i < rows; i++) {
        noise.gaussians(i, xi, i * dim, dim);
      }
    }
  }
}

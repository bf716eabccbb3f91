package io.diffmix.core.spi;

import io.diffmix.core.data.Samples;
import io.diffmix.core.random.RandomStreams;
import java.util.Optional;

/**
 * Where the data comes from: a synthetic distribution with a known truth, or a file.
 *
 * <p>A learner sees only the {@code train} rows; the {@code reference} rows are held out for the metrics.
 */
public interface Target {

  int dim();

  /** Draws (or splits off) the training and reference sets, reading only the given streams. */
  TargetData draw(int train, int reference, RandomStreams streams);

  /** The closed-form truth of a synthetic target; empty for data files. */
  Optional<TrueDistribution> truth();

  /**
   * The {@code index}-th pair of independent reference-like samples of sizes a and b, for a metric's floor.
   * A synthetic target draws them fresh from P0.
   */
  default Samples[] floorPair(int index, int sizeA, int sizeB, TargetData data, RandomStreams streams) {
    TrueDistribution truth = truth().orElseThrow(
        () -> new IllegalStateException("a target without a truth must give its own floor pairs"));
    Samples a = Samples.zeros(sizeA, dim());
    Samples b = Samples.zeros(sizeB, dim());
    truth.sample(sizeA, streams.stream("floor-a", index), a.data());
    truth.sample(sizeB, streams.stream("floor-b", index), b.data());
    return new Samples[] {a, b};
  }

  /** The training rows and the held-out reference rows. */
  record TargetData(Samples train, Samples reference) {}
}

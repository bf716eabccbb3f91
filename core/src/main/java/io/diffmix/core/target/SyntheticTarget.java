package io.diffmix.core.target;

import io.diffmix.core.data.Samples;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TrueDistribution;
import java.util.Optional;

/** A target drawn from a known distribution: training and reference rows come from independent streams. */
public final class SyntheticTarget implements Target {
  private final TrueDistribution truth;

  public SyntheticTarget(TrueDistribution truth) {
    this.truth = truth;
  }

  @Override
  public int dim() {
    return truth.dim();
  }

  @Override
  public TargetData draw(int train, int reference, RandomStreams streams) {
    Samples tr = Samples.zeros(train, dim());
    Samples ref = Samples.zeros(reference, dim());
    truth.sample(train, streams.stream("train"), tr.data());
    truth.sample(reference, streams.stream("reference"), ref.data());
    return new TargetData(tr, ref);
  }

  @Override
  public Optional<TrueDistribution> truth() {
    return Optional.of(truth);
  }
}

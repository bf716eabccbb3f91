package io.diffmix.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.diffmix.core.spi.TrueDistribution.DiscreteMixture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The random-mixture procedure keeps its promises for any k, dimension and seed. */
class RandomMixtureTargetTest {

  @Property(tries = 60)
  void weightsAboveTheMinimumSumToOneAndMeansAreSeparated(
      @ForAll @IntRange(min = 1, max = 12) int k,
      @ForAll @IntRange(min = 1, max = 6) int dim,
      @ForAll @DoubleRange(min = 0.5, max = 8) double separation,
      @ForAll long seed) {
    double minWeight = 0.5 / k;
    DiscreteMixture m = RandomMixtureTarget.draw(
        new RandomMixtureTarget.Config(k, dim, separation, minWeight, 1.0, seed)).mixture().orElseThrow();
    double sum = 0;
    for (double w : m.weights()) {
      assertThat(w).isGreaterThanOrEqualTo(minWeight);
      sum += w;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < i; j++) {
        double d2 = 0;
        for (int d = 0; d < dim; d++) {
          double diff = m.means()[i * dim + d] - m.means()[j * dim + d];
          d2 += diff * diff;
        }
        assertThat(Math.sqrt(d2)).isGreaterThanOrEqualTo(separation);
      }
    }
  }

  @Property(tries = 20)
  void theSameSeedGivesTheSameMixture(@ForAll long seed) {
    var c = new RandomMixtureTarget.Config(4, 3, 5, 0.1, 1, seed);
    assertThat(RandomMixtureTarget.draw(c).mixture().orElseThrow().means())
        .isEqualTo(RandomMixtureTarget.draw(c).mixture().orElseThrow().means());
  }
}

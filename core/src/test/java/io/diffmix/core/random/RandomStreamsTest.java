package io.diffmix.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void streamsAreReproducibleAndDistinct() {
    RandomStreams s = new RandomStreams(7);
    assertThat(s.stream("sample", 3).nextLong()).isEqualTo(new RandomStreams(7).stream("sample", 3).nextLong());
    Set<Long> firsts = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      firsts.add(s.stream("sample", i).nextLong());
    }
    firsts.add(s.stream("train").nextLong());
    firsts.add(s.child("oracle").stream("sample", 0).nextLong());
    firsts.add(new RandomStreams(8).stream("sample", 0).nextLong());
    assertThat(firsts).hasSize(10_003);
  }

  @Test
  void sampleNoiseReadsRowStreamsInOrder() {
    RandomStreams s = new RandomStreams(1);
    SampleNoise a = new SampleNoise(s, "sample", 10, 5);
    SampleNoise b = new SampleNoise(s, "sample", 12, 2);
    double[] x = new double[3];
    double[] y = new double[3];
    a.gaussians(2, x, 0, 3);
    b.gaussians(0, y, 0, 3);
    assertThat(x).isEqualTo(y);
  }
}

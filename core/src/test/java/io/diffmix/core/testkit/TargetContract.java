package io.diffmix.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Family;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TargetFactory;
import org.junit.jupiter.api.Test;

/** The target contract: the same seed gives the same data, another seed other data, all finite. */
public abstract class TargetContract extends PluginContract<TargetFactory<?>> {

  @Override
  protected final Family<TargetFactory<?>> family() {
    return Family.TARGET;
  }

  @Test
  void sameSeedSameData() {
    Target t = create(exampleConfig());
    Target.TargetData a = t.draw(300, 100, new RandomStreams(1));
    Target.TargetData b = t.draw(300, 100, new RandomStreams(1));
    Target.TargetData c = t.draw(300, 100, new RandomStreams(2));
    assertThat(a.train()).isEqualTo(b.train());
    assertThat(a.reference()).isEqualTo(b.reference());
    assertThat(a.train()).isNotEqualTo(c.train());
    assertThat(a.train().dim()).isEqualTo(t.dim());
    for (double v : a.train().data()) {
      assertThat(v).isFinite();
    }
  }
}

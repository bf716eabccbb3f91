package org.example.diffmix;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.SamplerFactory;
import java.util.Collection;
import java.util.List;

/**
 * The plugin's entry point, listed in {@code META-INF/services/io.diffmix.core.spi.DiffmixPlugin}. It overrides
 * only the families it contributes to; the others default to nothing.
 */
public final class MidpointPlugin implements DiffmixPlugin {
  @Override
  public Collection<SamplerFactory<?>> samplers() {
    return List.of(PfMidpointSampler.FACTORY);
  }

  @Override
  public Collection<MetricFactory<?>> metrics() {
    return List.of(MomentErrorMetric.FACTORY);
  }
}

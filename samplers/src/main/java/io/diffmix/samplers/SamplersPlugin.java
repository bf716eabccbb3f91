package io.diffmix.samplers;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.SamplerFactory;
import java.util.Collection;
import java.util.List;

/** The built-in reverse-time samplers. */
public final class SamplersPlugin implements DiffmixPlugin {
  @Override
  public Collection<SamplerFactory<?>> samplers() {
    return List.of(new PaperVeSampler.Factory());
  }
}

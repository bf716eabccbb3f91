package io.diffmix.samplers;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.SamplerFactory;
import java.util.Collection;
import java.util.List;

/** The built-in reverse-time samplers. */
public final class SamplersPlugin implements DiffmixPlugin {
  @Override
  public Collection<SamplerFactory<?>> samplers() {
    return List.of(new PaperVeSampler.Factory(), new EulerMaruyamaSampler.Factory(),
        new ExpIntegratorSampler.Factory(), new PfEulerSampler.Factory(), new PfHeunSampler.Factory(),
        new PfRk4Sampler.Factory(), new DdimSampler.Factory(), new DpmSolverPlusPlus2mSampler.Factory(),
        new PcLangevinSampler.Factory(), new EdmStochasticSampler.Factory());
  }
}

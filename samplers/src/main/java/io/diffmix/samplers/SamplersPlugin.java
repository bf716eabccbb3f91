package io.diffmix.samplers;

import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.SamplerFactory;
import java.util.Collection;
import java.util.List;

/** The built-in reverse-time samplers. */
public final class SamplersPlugin implements DiffmixPlugin {
  @Override
  public Collection<SamplerFactory<?>> samplers() {
    return List.of(PaperVeSampler.FACTORY, EulerMaruyamaSampler.FACTORY, ExpIntegratorSampler.FACTORY,
        PfEulerSampler.FACTORY, PfHeunSampler.FACTORY, PfRk4Sampler.FACTORY, DdimSampler.FACTORY,
        DpmSolverPlusPlus2mSampler.FACTORY, PcLangevinSampler.FACTORY, EdmStochasticSampler.FACTORY,
        MixtureSampler.FACTORY);
  }
}

package io.diffmix.core;

import io.diffmix.core.metrics.C2stMetric;
import io.diffmix.core.metrics.EnergyMetric;
import io.diffmix.core.metrics.LogLikelihoodMetric;
import io.diffmix.core.metrics.MixtureRecoveryMetric;
import io.diffmix.core.metrics.ModelLikelihoodMetric;
import io.diffmix.core.metrics.SlicedWassersteinMetric;
import io.diffmix.core.metrics.MmdMetric;
import io.diffmix.core.metrics.ScoreErrorMetric;
import io.diffmix.core.spi.DiffmixPlugin;
import io.diffmix.core.spi.MetricFactory;
import io.diffmix.core.spi.TargetFactory;
import io.diffmix.core.target.BallsTarget;
import io.diffmix.core.target.FileTarget;
import io.diffmix.core.target.GaussianMixtureTarget;
import io.diffmix.core.target.RandomMixtureTarget;
import io.diffmix.core.target.SphereTarget;
import java.util.Collection;
import java.util.List;

/** The targets and metrics that ship in core, registered like any other plugin. */
public final class CorePlugin implements DiffmixPlugin {
  @Override
  public Collection<TargetFactory<?>> targets() {
    return List.of(new GaussianMixtureTarget(), new RandomMixtureTarget(), SphereTarget.circle(),
        SphereTarget.sphere(), new BallsTarget(), new FileTarget());
  }

  @Override
  public Collection<MetricFactory<?>> metrics() {
    return List.of(MmdMetric.FACTORY, MixtureRecoveryMetric.FACTORY, SlicedWassersteinMetric.FACTORY,
        EnergyMetric.FACTORY, C2stMetric.FACTORY, LogLikelihoodMetric.FACTORY, ScoreErrorMetric.FACTORY,
        ModelLikelihoodMetric.FACTORY);
  }
}

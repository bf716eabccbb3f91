package io.diffmix.regression;

import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.target.GaussianMixture;

/** What the learners' tests share: a grid of levels, and the score's relative error against the truth. */
public final class LearnerProbes {
  private LearnerProbes() {}

  /** Geometric VE times from T down to t1. */
  public static double[] grid(double top, double bottom, int levels) {
    double[] t = new double[levels];
    for (int i = 0; i < levels; i++) {
      t[i] = top * Math.pow(bottom / top, (double) i / (levels - 1));
    }
    return t;
  }

  /** E|ŝ − s*|² / E|s*|² at VE time t on 4,000 fresh points of P_t. */
  public static double relativeError(Learner.FittedModel m, GaussianMixture truth, double t) {
    int n = truth.dim();
    int rows = 4000;
    double[] x = new double[rows * n];
    var rng = new RandomStreams(99).stream("probe", (long) (t * 1e6));
    truth.sample(rows, rng, x);
    for (int q = 0; q < x.length; q++) {
      x[q] += Math.sqrt(t) * rng.nextGaussian();
    }
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    m.model().score(t, 1, x, 0, rows, a);
    truth.score(t, 1, x, 0, rows, b);
    double err = 0;
    double norm = 0;
    for (int q = 0; q < x.length; q++) {
      err += (a[q] - b[q]) * (a[q] - b[q]);
      norm += b[q] * b[q];
    }
    return err / norm;
  }
}

package io.diffmix.core.experiment;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.config.Component;
import io.diffmix.core.data.DataMoments;
import io.diffmix.core.spi.Footprint;
import io.diffmix.core.spi.Learner;
import io.diffmix.core.spi.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The checks a run passes once its data are drawn and its grid is built, before the fit starts: enough training
 * rows for the learner, finite moments for the grid, and a peak memory within the JVM's heap. Each failure is bad
 * input with one line that names the key, the estimate and the limit, instead of a fit that dies of
 * {@code OutOfMemoryError} minutes later or never ends.
 */
public final class ResourceCheck {
  private ResourceCheck() {}

  /**
   * The share of the JVM's max heap a run's estimated peak may take: the rest is for what no estimate counts
   * (the JVM's own objects, the JIT's code, the garbage collector's headroom).
   */
  static final double HEAP_SHARE = 0.85;

  /** One part of the run's peak: its config key, its estimate. */
  private record Part(String key, String what, Footprint footprint) {}

  /**
   * {@code diffmix sample}'s points: they and their starting points, against the heap.
   *
   * @param key the option or key that sets the count, for the message
   */
  public static void samples(String key, int rows, int dim) {
    long bytes = Footprint.doubles(2.0 * rows * dim);
    long limit = limit();
    if (bytes > limit) {
      throw new BadInputException(key + ": " + rows + " points in dim " + dim + " need about "
          + Footprint.format(bytes) + " with their starting points, above " + heap() + "; valid: " + key + " <= "
          + limit / (16L * dim));
    }
  }

  private static long limit() {
    return (long) (HEAP_SHARE * Runtime.getRuntime().maxMemory());
  }

  private static String heap() {
    return Math.round(HEAP_SHARE * 100) + "% of the JVM's max heap of "
        + Footprint.format(Runtime.getRuntime().maxMemory());
  }

  /** The learner's minimum rows, before anything else is computed from the rows. */
  static void trainRows(ExperimentSpec spec, int rows) {
    Learner learner = spec.learner().instance();
    if (rows < learner.minTrainRows()) {
      throw new BadInputException(spec.source() + ": train: " + rows + (rows == 1 ? " training row" : " training rows")
          + ", fewer than learner '" + spec.learner().name() + "' needs (" + learner.minTrainRowsReason()
          + "); valid: train >= " + learner.minTrainRows());
    }
  }

  /** The grid's top time follows the data's second moment, T = 100 (M2 + n): it must be finite. */
  static void moments(ExperimentSpec spec, DataMoments moments) {
    if (!Double.isFinite(moments.secondMoment())) {
      throw new BadInputException(spec.source() + ": target: the training rows' mean squared norm M2 overflows to "
          + moments.secondMoment() + ", so the grid's top time 100 (M2 + n) is not finite; valid: data whose "
          + "coordinates are below about 1e150 in magnitude");
    }
  }

  /**
   * The run's peak memory: the data, the fit, the samples and the metrics, against {@link #HEAP_SHARE} of the
   * max heap.
   *
   * @param learnerDim the dimension the learner fits in: the span's rank under the config's subspace
   * @param withSampling false for {@code diffmix fit}, which neither samples nor evaluates
   */
  static void memory(ExperimentSpec spec, int train, int reference, int dim, int learnerDim, int levels,
      int threads, boolean withSampling) {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("train", "the data", new Footprint(Footprint.doubles((double) (train + reference) * dim), "",
        "the training and reference rows")));
    Footprint fit = spec.learner().instance().footprint(new Learner.Shape(train, learnerDim, levels, threads));
    parts.add(new Part("learner" + (fit.key().isEmpty() ? "" : "." + fit.key()), "the fit", fit));
    if (withSampling) {
      // the learned and the oracle's points, their starting points, and one floor pair at a time
      double copies = (spec.oracle() ? 3.0 : 2.0) * spec.generate() + spec.generate() + reference;
      parts.add(new Part("generate", "the samples", new Footprint(Footprint.doubles(copies * dim), "",
          "the generated points, their starting points and a floor pair")));
      int rows = Math.max(spec.generate(), reference);
      for (Component<Metric> m : spec.metrics()) {
        Footprint f = m.instance().footprint(rows, dim, threads);
        parts.add(new Part("metrics." + m.name() + (f.key().isEmpty() ? "" : "." + f.key()),
            "metric '" + m.name() + "'", f));
      }
    }
    double total = 0;
    for (Part p : parts) {
      total += p.footprint().bytes();
    }
    if (total > limit()) {
      Part worst = parts.stream().max(Comparator.comparingLong(p -> p.footprint().bytes())).orElseThrow();
      throw new BadInputException(spec.source() + ": " + worst.key() + ": the run would need about "
          + Footprint.format(Footprint.doubles(total / 8)) + ", most of it for " + worst.what() + " ("
          + Footprint.format(worst.footprint().bytes()) + ", " + worst.footprint().reason() + "), above " + heap()
          + "; valid: " + (worst.key().startsWith("metrics.") && !worst.footprint().key().isEmpty() ? "another "
          : "a smaller ") + worst.key() + ", or a larger heap (DIFFMIX_JAVA_OPTS=-Xmx...)");
    }
  }
}

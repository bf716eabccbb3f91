package io.diffmix.cli.plots;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.data.Samples;
import io.diffmix.core.spi.TrueDistribution;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG plots of a run: generated against reference points, and the score error per level. */
public final class Plots {
  /** Points per sample in the scatter plot: enough to see the shape, few enough to see through. */
  private static final int SCATTER_POINTS = 4000;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Plots() {}

  /** Every plot a run's report allows, by file name. */
  public static Map<String, byte[]> forRun(JsonNode report, Samples generated, Samples reference,
      Optional<TrueDistribution> truth, java.util.function.Consumer<String> warn) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    drawn(out, "scatter.png", () -> scatter(generated, reference, truth.flatMap(TrueDistribution::mixture)), warn);
    JsonNode perLevel = report.at("/metrics/score_error/per_level");
    if (perLevel.isArray() && perLevel.size() > 0) {
      drawn(out, "score_error.png", () -> scoreError(perLevel), warn);
    }
    return out;
  }

  /** Adds a plot, or leaves it out with one line to {@code warn} when it is {@link TimedOut}. */
  static void drawn(Map<String, byte[]> out, String name, java.util.function.Supplier<byte[]> plot,
      java.util.function.Consumer<String> warn) {
    try {
      byte[] png = plot.get();
      if (png != null) {
        out.put(name, png);
      }
    } catch (TimedOut e) {
      warn.accept("diffmix: warning: plot " + name + " skipped: " + e.getMessage());
    }
  }

  /**
   * Generated against reference points in the first two coordinates, or in the reference's top two principal
   * directions when the dimension is above 2; true means marked when known.
   */
  public static byte[] scatter(Samples generated, Samples reference,
      Optional<TrueDistribution.DiscreteMixture> mixture) {
    double[][] basis = plane(reference);
    XYChart chart = new XYChartBuilder().width(800).height(800)
        .title("generated and reference points" + (reference.dim() > 2 ? " (top-2 PCA plane)" : ""))
        .xAxisTitle(reference.dim() > 2 ? "PC 1" : "x1").yAxisTitle(reference.dim() > 2 ? "PC 2" : "x2").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(3);
    addPoints(chart, "reference", reference, basis, new Color(0, 0, 255, 90));
    addPoints(chart, "generated", generated, basis, new Color(255, 100, 0, 90));
    mixture.ifPresent(m -> addCrosses(chart, new Samples(m.means(), m.components(), m.dim()), basis, reference));
    return png(chart);
  }

  /** The true means as large crosses: line segments broken by NaN, since markers share one size. */
  private static void addCrosses(XYChart chart, Samples means, double[][] basis, Samples reference) {
    double arm = 0.02 * spread(reference, basis);
    double[] xs = new double[means.rows() * 6];
    double[] ys = new double[means.rows() * 6];
    for (int j = 0; j < means.rows(); j++) {
      double x = 0;
      double y = 0;
      for (int c = 0; c < means.dim(); c++) {
        x += basis[0][c] * means.get(j, c);
        y += basis[1][c] * means.get(j, c);
      }
      double[] px = {x - arm, x + arm, Double.NaN, x, x, Double.NaN};
      double[] py = {y, y, Double.NaN, y - arm, y + arm, Double.NaN};
      System.arraycopy(px, 0, xs, 6 * j, 6);
      System.arraycopy(py, 0, ys, 6 * j, 6);
    }
    XYSeries s = chart.addSeries("true means", xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(Color.BLACK);
    s.setLineWidth(3f);
  }

  /** The range of the reference's first plotted coordinate, to size the crosses. */
  private static double spread(Samples s, double[][] basis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < Math.min(s.rows(), SCATTER_POINTS); i++) {
      double v = 0;
      for (int c = 0; c < s.dim(); c++) {
        v += basis[0][c] * s.get(i, c);
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  private static XYSeries addPoints(XYChart chart, String name, Samples s, double[][] basis, Color color) {
    int n = Math.min(SCATTER_POINTS, s.rows());
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < s.dim(); c++) {
        xs[i] += basis[0][c] * s.get(i, c);
        ys[i] += basis[1][c] * s.get(i, c);
      }
    }
    XYSeries series = chart.addSeries(name, xs, ys);
    series.setMarkerColor(color);
    series.setMarker(SeriesMarkers.CIRCLE);
    return series;
  }

  /** Two orthonormal directions: e1 and e2 in dimension ≤ 2, the top principal directions above. */
  static double[][] plane(Samples s) {
    int d = s.dim();
    double[][] basis = new double[2][d];
    if (d <= 2) {
      basis[0][0] = 1;
      if (d == 2) {
        basis[1][1] = 1;
      }
      return basis;
    }
    double[] mean = new double[d];
    for (int i = 0; i < s.rows(); i++) {
      for (int c = 0; c < d; c++) {
        mean[c] += s.get(i, c) / s.rows();
      }
    }
    RealMatrix cov = MatrixUtils.createRealMatrix(d, d);
    for (int i = 0; i < s.rows(); i++) {
      for (int a = 0; a < d; a++) {
        double va = s.get(i, a) - mean[a];
        for (int b = 0; b < d; b++) {
          cov.addToEntry(a, b, va * (s.get(i, b) - mean[b]) / s.rows());
        }
      }
    }
    EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(cov);
    // eigenvalues come sorted in decreasing order
    basis[0] = eig.getEigenvector(0).toArray();
    basis[1] = eig.getEigenvector(1).toArray();
    return basis;
  }

  /** relative_l2 against t on log-log axes, on the levels and halfway between them. */
  public static byte[] scoreError(JsonNode perLevel) {
    XYChart chart = new XYChartBuilder().width(900).height(600).title("score error per level")
        .xAxisTitle("t").yAxisTitle("relative L2 error E|s - s*|^2 / E|s*|^2").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    List<Double> t = new ArrayList<>();
    List<Double> e = new ArrayList<>();
    for (JsonNode level : perLevel) {
      double tv = level.path("t").asDouble();
      double ev = level.path("relative_l2").asDouble();
      if (tv > 0 && ev > 0 && Double.isFinite(ev)) {
        t.add(tv);
        e.add(ev);
      }
    }
    if (!t.isEmpty()) {
      chart.addSeries("relative_l2", t, e).setMarker(SeriesMarkers.CIRCLE);
    }
    return png(chart);
  }

  /** How long one chart may take to draw: a few hundred milliseconds is usual. */
  static final long DEADLINE_SECONDS = 30;

  /** A chart that did not finish drawing within {@link #DEADLINE_SECONDS}. */
  static final class TimedOut extends RuntimeException {
    TimedOut(long seconds) {
      super("the plotting library did not finish it in " + seconds + " s", null, false, false);
    }
  }

  /**
   * The chart as PNG bytes, drawn on a daemon thread with a deadline: XChart's tick layout has loops that need
   * not end (its issue 799), and a plot is not worth a command that never returns. A chart past the deadline is
   * {@link TimedOut}; its thread cannot be stopped and spins until the JVM exits, at the end of the command.
   */
  static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    return png(chart, DEADLINE_SECONDS);
  }

  /** {@link #png(org.knowm.xchart.internal.chartpart.Chart)} with another deadline. */
  static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, long seconds) {
    java.util.concurrent.FutureTask<byte[]> task = new java.util.concurrent.FutureTask<>(
        () -> BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    Thread drawer = new Thread(task, "diffmix-plot");
    drawer.setDaemon(true);
    drawer.start();
    try {
      return task.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TimedOut(seconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while drawing a plot", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}

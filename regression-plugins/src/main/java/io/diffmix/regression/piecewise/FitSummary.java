package io.diffmix.regression.piecewise;

import io.diffmix.core.linalg.Gram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The paper learner's section of the report's {@code learner} block, gathered level by level. */
final class FitSummary {
  private final boolean autoDegree;
  private final RegressionTarget target;
  private final double clip;
  private final List<Map<String, Object>> perLevel = new ArrayList<>();
  private final Map<String, Integer> solvers = new LinkedHashMap<>();
  private int cellsTotal;
  private int refreshes;

  /** @param autoDegree whether each level records the degree it chose */
  FitSummary(boolean autoDegree, RegressionTarget target, double clip) {
    this.autoDegree = autoDegree;
    this.target = target;
    this.clip = clip;
  }

  /** The level fitted at schedule time t. */
  void add(double t, LevelFit fit) {
    LevelPolynomials level = fit.result().level();
    cellsTotal += level.cells();
    fit.result().solvers().forEach((m, v) -> solvers.merge(m.name().toLowerCase(Locale.ROOT), v, Integer::sum));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("t", t);
    row.put("cells", level.cells());
    row.put("cell_sizes", fit.sizes());
    row.put("degrees", level.degrees);
    if (autoDegree) {
      row.put("degree_chosen", fit.chosenDegree());
    }
    perLevel.add(row);
  }

  void refreshed() {
    refreshes++;
  }

  Map<String, Object> toMap(int warmRows, int regressionRows) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("levels", perLevel.size());
    summary.put("cells_total", cellsTotal);
    summary.put("regression_target", target.description);
    summary.put("warm_start_rows", warmRows);
    summary.put("regression_rows", regressionRows);
    summary.put("refreshes", refreshes);
    summary.put("clip_radius", clip);
    summary.put("solvers", solvers);
    summary.put("gram_kernel", Gram.describe());
    summary.put("per_level", perLevel);
    return summary;
  }
}

#!/usr/bin/env bash
# The paper's learner in 6, 10 and 64 dimensions (docs/high-dimensions.md): cases A, B and C, each a
# random-mixture with sigma0 = 1 and N = 100,000 training rows, degree 3, the oracle paired, for several seeds of the
# data. For each case and seed it runs
#   - the default sampler (paper-ve on the paper grid) and prints the score and sample figures beside the oracle's;
#   - for A and B, dpm-solver++2m on a karras grid of 100 steps, with the oracle on the same sampler and grid;
#   - for C, the same rows projected on the true means' span, written to .npy and fitted there (the cost ratio), and
#     the rows themselves written to .npy and run through the file target (the rank, and c2st against held-out rows).
# Every run uses the config's subspace {"rank": "auto"} and the learner's default variance reduction unless
# METHOD says otherwise. Heavy: about 10 minutes a seed on 2 cores. Not in CI.
#
#   scripts/check-high-dim.sh [CASES] [SEEDS]      (default: A,B,C and 1,2,3)
#   env: METHOD (learner.variance_reduction, default: the learner's), DEGREE (3, or auto: the learner's choice per
#        level among its default degrees), SUBSPACE (default auto), OUT (runs/high-dim)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
D="$ROOT/diffmix"
CASES="${1:-A,B,C}"
SEEDS="${2:-1,2,3}"
OUT="${OUT:-$ROOT/runs/high-dim}"
SUBSPACE="${SUBSPACE:-auto}"
mkdir -p "$OUT"
"$D" plugins > /dev/null
CP="$ROOT/cli/target/diffmix-cli.jar:$(ls "$ROOT"/cli/target/lib/*.jar | tr '\n' ':')"

target() {
  case "$1" in
    A) echo '{"type": "random-mixture", "k": 4, "dim": 6, "separation": 5, "min_weight": 0.1, "seed": 3}' ;;
    B) echo '{"type": "random-mixture", "k": 6, "dim": 10, "separation": 5, "min_weight": 0.08, "seed": 5}' ;;
    C) echo '{"type": "random-mixture", "k": 5, "dim": 64, "separation": 5, "min_weight": 0.1, "seed": 7}' ;;
  esac
}

# c2st's logistic classifier on quadratic features has 2,145 of them in 64 dimensions, and each Newton step costs
# N p^2: hours for the ten floor pairs. C takes k-NN's c2st instead.
c2st() {
  if [ "$1" = C ]; then echo '{"type": "c2st", "classifier": "knn"}'; else echo '"c2st"'; fi
}

config() {  # config CASE SEED [TARGET-JSON] [SUBSPACE]
  local t="${3:-$(target "$1")}" sub="${4:-$SUBSPACE}"
  local subspace=""
  if [ "$sub" != none ]; then subspace=", \"subspace\": {\"rank\": \"$sub\"}"; fi
  local method=""
  if [ -n "${METHOD:-}" ]; then method=", \"variance_reduction\": \"$METHOD\""; fi
  local degree="${DEGREE:-3}"
  if [ "$degree" = auto ]; then degree='"auto"'; fi
  cat <<JSON
{"seed": $2, "target": $t, "train": 100000, "reference": 10000, "generate": 10000,
 "schedule": "ve", "grid": {"type": "paper", "kappa": 0.05},
 "learner": {"type": "piecewise-polynomial", "degree": $degree$method}, "sampler": "paper-ve",
 "metrics": ["mmd", "mixture-recovery", "score-error", "log-likelihood", $(c2st "$1")]$subspace}
JSON
}

# The rows of a case as `diffmix run` draws them (train then reference), and the same rows projected on the span
# of the true means' centred differences: the mixture given in its own span.
cat > "$OUT/Rows.java" <<'JAVA'
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.io.Npy;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.Registry;
import io.diffmix.core.spi.Target;
import io.diffmix.core.spi.TrueDistribution;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Rows CONFIG.json ALL.npy SPAN.npy: every row of the run's data, and the rows in the true means' span. */
public class Rows {
  public static void main(String[] a) throws Exception {
    Registry reg = Registry.load(List.of(), m -> {});
    ExperimentSpec spec = ExperimentSpec.parse(Json.MAPPER.readTree(new File(a[0])), a[0], reg);
    Target.TargetData data = spec.target().instance().draw(spec.train(), spec.reference(),
        new RandomStreams(spec.seed()).child("data"));
    Samples train = data.train();
    Samples ref = data.reference();
    int n = train.dim();
    double[] all = Arrays.copyOf(train.data(), (train.rows() + ref.rows()) * n);
    System.arraycopy(ref.data(), 0, all, train.rows() * n, ref.rows() * n);
    write(new Samples(all, train.rows() + ref.rows(), n), a[1]);
    TrueDistribution.DiscreteMixture m = spec.target().instance().truth().orElseThrow().mixture().orElseThrow();
    int k = m.components();
    double[] mean = new double[n];
    for (int j = 0; j < k; j++) {
      for (int c = 0; c < n; c++) {
        mean[c] += m.weights()[j] * m.means()[j * n + c];
      }
    }
    // Gram-Schmidt on the centred means: an orthonormal basis of their span
    List<double[]> basis = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      double[] v = new double[n];
      for (int c = 0; c < n; c++) {
        v[c] = m.means()[j * n + c] - mean[c];
      }
      for (double[] b : basis) {
        double d = 0;
        for (int c = 0; c < n; c++) d += v[c] * b[c];
        for (int c = 0; c < n; c++) v[c] -= d * b[c];
      }
      double norm = 0;
      for (double x : v) norm += x * x;
      norm = Math.sqrt(norm);
      if (norm > 1e-9) {
        for (int c = 0; c < n; c++) v[c] /= norm;
        basis.add(v);
      }
    }
    int r = basis.size();
    double[] x = train.data();
    double[] span = new double[train.rows() * r];
    for (int i = 0; i < train.rows(); i++) {
      for (int q = 0; q < r; q++) {
        double d = 0;
        for (int c = 0; c < n; c++) d += (x[i * n + c] - mean[c]) * basis.get(q)[c];
        span[i * r + q] = d;
      }
    }
    write(new Samples(span, train.rows(), r), a[2]);
    System.out.println(r);
  }

  private static void write(Samples s, String file) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(Path.of(file)))) {
      Npy.write(s, os);
    }
  }
}
JAVA

row() {  # row LABEL REPORT.json: one line of figures
  /usr/bin/env python3 - "$1" "$2" <<'PY'
import json, sys
label, f = sys.argv[1], sys.argv[2]
r = json.load(open(f)); l = r["learner"]; m = r["metrics"]; o = r.get("oracle", {}).get("metrics", {})
def g(d, a, b):
    return d.get(a, {}).get(b, float("nan"))
pl = m.get("score_error", {}).get("per_level", [])
worst = max([x["relative_l2"] for x in pl], default=float("nan"))
over = sum(1 for x in pl if x["relative_l2"] > 0.25)
print(f"{label:24s} {l['fit_seconds']:7.2f} {l.get('subspace', {}).get('rank', '-'):>4} "
      f"{g(m, 'score_error', 'weighted'):7.4f} {worst:7.4f} {over:4d} "
      f"{g(m, 'log_likelihood', 'dlogp'):+8.4f} {g(o, 'log_likelihood', 'dlogp'):+8.4f} {g(m, 'log_likelihood', 'floor_sd'):7.4f} "
      f"{g(m, 'c2st', 'accuracy'):7.4f} {g(o, 'c2st', 'accuracy'):7.4f} "
      f"{g(m, 'mixture_recovery', 'mean_error'):7.4f} {g(o, 'mixture_recovery', 'mean_error'):7.4f}")
PY
}

echo "run                      fit_s  rank  w_err  max_rl2 >.25    dlogp  o_dlogp floor_sd  c2st  o_c2st  mean_e  o_mean_e"
for c in ${CASES//,/ }; do
  for s in ${SEEDS//,/ }; do
    dir="$OUT/$c-seed$s"
    config "$c" "$s" > "$OUT/$c-seed$s.json"
    "$D" run "$OUT/$c-seed$s.json" --out "$dir" --quiet > /dev/null
    row "$c seed $s" "$dir/report.json"
    if [ "$c" != C ]; then
      "$D" run "$OUT/$c-seed$s.json" --out "$dir-dpm" --quiet --set sampler.type=dpm-solver++2m \
        --set 'sampler.grid={"type": "karras", "steps": 100}' > /dev/null
      row "$c seed $s dpm++2m" "$dir-dpm/report.json"
    else
      rank=$(java -cp "$CP" "$OUT/Rows.java" "$OUT/$c-seed$s.json" "$OUT/C-all-$s.npy" "$OUT/C-span-$s.npy")
      config "$c" "$s" "{\"type\": \"file\", \"path\": \"$OUT/C-span-$s.npy\"}" none \
        | sed 's/"train": 100000, "reference": 10000/"train": 99996, "reference": 4/' > "$OUT/C-span-$s.json"
      "$D" run "$OUT/C-span-$s.json" --out "$dir-span" --quiet --set oracle=false --set 'metrics=["mmd"]' > /dev/null
      row "C seed $s in its span ($rank)" "$dir-span/report.json"
      config "$c" "$s" "{\"type\": \"file\", \"path\": \"$OUT/C-all-$s.npy\"}" > "$OUT/C-file-$s.json"
      "$D" run "$OUT/C-file-$s.json" --out "$dir-file" --quiet > /dev/null
      row "C seed $s as a file" "$dir-file/report.json"
    fi
  done
done

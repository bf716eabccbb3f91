#!/usr/bin/env bash
# Full-size checks of the paper's learner (the learner issue, acceptance 1, 2, 3 and 5):
#   1. one Gaussian (dim 3, mean (1, -2, 0.5)), degree 1, N = 50,000: relative_l2 <= 0.01 at every level with
#      t >= 0.1, and the weighted sum <= 0.01;
#   2. the quickstart: weights_tv <= 0.03, mean_error <= 0.15, mmd <= oracle mmd + 3 floor_sd, weighted <= 0.08;
#   3. a random mixture (k 4, dim 4, separation 5, min_weight 0.1, N = 100,000): weights_tv <= 0.04,
#      mean_error <= 0.25, |mmd - oracle mmd| <= 3 floor_sd;
#   5. --threads 1 and --threads 2 give the same samples.npy.
# Usage: scripts/check-learner.sh [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/runs/check-learner}"
D="$ROOT/diffmix"
mkdir -p "$OUT"
one='{"type": "gaussian-mixture", "weights": [1.0], "means": [[1, -2, 0.5]], "sigma0": 1.0}'

"$D" run --preset quickstart --set "target=$one" --set learner.degree=1 --set 'metrics=["score-error"]' \
  --out "$OUT/one-gaussian" --quiet > /dev/null
"$D" run --preset quickstart --out "$OUT/quickstart" --threads 2 --quiet > /dev/null
"$D" run --preset quickstart --out "$OUT/quickstart-1-thread" --threads 1 --quiet > /dev/null
"$D" run --preset quickstart \
  --set 'target={"type": "random-mixture", "k": 4, "dim": 4, "separation": 5, "min_weight": 0.1}' \
  --set train=100000 --set 'metrics=["mmd", "mixture-recovery", "score-error"]' \
  --out "$OUT/random-mixture" --quiet > /dev/null

cat > "$OUT/Check.java" <<'JAVA'
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
public class Check {
  static int bad = 0;
  static void check(String what, double value, boolean ok) {
    System.out.printf("%-4s %s: %.6g%n", ok ? "ok" : "FAIL", what, value);
    if (!ok) bad++;
  }
  public static void main(String[] a) throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode one = m.readTree(Path.of(a[0], "one-gaussian", "report.json").toFile());
    double worst = 0;
    for (JsonNode level : one.at("/metrics/score_error/per_level")) {
      if (level.get("t").asDouble() >= 0.1) worst = Math.max(worst, level.get("relative_l2").asDouble());
    }
    check("one Gaussian: largest relative_l2 at t >= 0.1 <= 0.01", worst, worst <= 0.01);
    double w1 = one.at("/metrics/score_error/weighted").asDouble();
    check("one Gaussian: weighted <= 0.01", w1, w1 <= 0.01);
    JsonNode q = m.readTree(Path.of(a[0], "quickstart", "report.json").toFile());
    double tv = q.at("/metrics/mixture_recovery/weights_tv").asDouble();
    double me = q.at("/metrics/mixture_recovery/mean_error").asDouble();
    double mmd = q.at("/metrics/mmd/value").asDouble();
    double omd = q.at("/oracle/metrics/mmd/value").asDouble();
    double sd = q.at("/metrics/mmd/floor_sd").asDouble();
    double w = q.at("/metrics/score_error/weighted").asDouble();
    check("quickstart: weights_tv <= 0.03", tv, tv <= 0.03);
    check("quickstart: mean_error <= 0.15", me, me <= 0.15);
    check("quickstart: mmd <= oracle " + omd + " + 3 sd " + sd, mmd, mmd <= omd + 3 * sd);
    check("quickstart: weighted <= 0.08", w, w <= 0.08);
    System.out.printf("     quickstart: fit %.2f s, sample %.2f s, benton %.4g, dlogp %.4g (oracle %.4g)%n",
        q.at("/learner/fit_seconds").asDouble(), q.at("/sampler/sample_seconds").asDouble(),
        q.at("/metrics/score_error/benton").asDouble(), q.at("/metrics/log_likelihood/dlogp").asDouble(),
        q.at("/oracle/metrics/log_likelihood/dlogp").asDouble());
    JsonNode r = m.readTree(Path.of(a[0], "random-mixture", "report.json").toFile());
    double rtv = r.at("/metrics/mixture_recovery/weights_tv").asDouble();
    double rme = r.at("/metrics/mixture_recovery/mean_error").asDouble();
    double rmmd = r.at("/metrics/mmd/value").asDouble();
    double romd = r.at("/oracle/metrics/mmd/value").asDouble();
    double rsd = r.at("/metrics/mmd/floor_sd").asDouble();
    check("random mixture: weights_tv <= 0.04", rtv, rtv <= 0.04);
    check("random mixture: mean_error <= 0.25", rme, rme <= 0.25);
    check("random mixture: |mmd - oracle " + romd + "| <= 3 sd " + rsd, rmmd, Math.abs(rmmd - romd) <= 3 * rsd);
    System.out.printf("     random mixture: weighted %.4g, fit %.2f s%n", r.at("/metrics/score_error/weighted").asDouble(),
        r.at("/learner/fit_seconds").asDouble());
    System.out.println("     random mixture per-level relative_l2 (t, relative_l2):");
    int i = 0;
    for (JsonNode level : r.at("/metrics/score_error/per_level")) {
      if (level.get("kind").asText().equals("level") && i++ % 12 == 0) {
        System.out.printf("       %.4g  %.4g%n", level.get("t").asDouble(), level.get("relative_l2").asDouble());
      }
    }
    System.exit(bad);
  }
}
JAVA
status=0
java -cp "$ROOT/cli/target/lib/*" "$OUT/Check.java" "$OUT" || status=1
a=$(sha256sum < "$OUT/quickstart/samples.npy" | cut -c1-64)
b=$(sha256sum < "$OUT/quickstart-1-thread/samples.npy" | cut -c1-64)
if [ "$a" = "$b" ]; then echo "ok   samples.npy, threads 1 = threads 2: $a"; else echo "FAIL samples.npy differ"; status=1; fi
exit $status

#!/usr/bin/env bash
# Full-size checks of issue 4, acceptance 4, through the CLI, with the exact score on the quickstart target
# (10,000 generated and 10,000 reference points; paper grid with `steps` solving for kappa):
#   - every sampler at 200 steps:  mixture_recovery.weights_tv <= 0.03;
#   - every sampler at 1000 steps: mmd.value <= mmd.floor + 6 mmd.floor_sd.
# Stochastic: paper-ve, euler-maruyama, exp-integrator, ddim (eta = 1), pc-langevin, edm-stochastic.
# Deterministic: pf-euler, pf-heun, pf-rk4, ddim (eta = 0), dpm-solver++2m.
# Usage: scripts/check-samplers.sh [OUT_DIR]     (about 10 minutes on 2 cores)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/runs/check-samplers}"
D="$ROOT/diffmix"
mkdir -p "$OUT"

SAMPLERS=(paper-ve euler-maruyama exp-integrator "ddim eta=1" pc-langevin edm-stochastic
          pf-euler pf-heun pf-rk4 "ddim eta=0" dpm-solver++2m)

run_one() {  # run_one "NAME [param=value]" STEPS DIR
  local spec=($1) steps=$2 dir=$3
  local sets=(--set learner.type=exact --set 'metrics=["mmd","mixture-recovery"]' --set oracle=false
              --set grid.type=paper --set grid.steps="$steps" --set sampler.type="${spec[0]}")
  for p in "${spec[@]:1}"; do sets+=(--set "sampler.$p"); done
  "$D" run --preset quickstart "${sets[@]}" --out "$dir" --threads 2 --quiet
}

for s in "${SAMPLERS[@]}"; do
  name="${s// /-}"
  for steps in 200 1000; do
    [ -f "$OUT/$name-$steps/report.json" ] || run_one "$s" "$steps" "$OUT/$name-$steps"
  done
done

cat > "$OUT/Check.java" <<'JAVA'
import java.nio.file.*; import java.util.regex.*;
public class Check {
  static double num(String json, String metric, String key) {
    Matcher m = Pattern.compile("\"" + metric + "\"\\s*:\\s*\\{[^}]*?\"" + key + "\"\\s*:\\s*([-0-9.eE+]+)").matcher(json);
    if (!m.find()) throw new IllegalStateException(metric + "." + key + " missing");
    return Double.parseDouble(m.group(1));
  }
  public static void main(String[] a) throws Exception {
    int bad = 0;
    for (int i = 1; i < a.length; i++) {
      String n = a[i];
      String r200 = Files.readString(Path.of(a[0], n + "-200", "report.json"));
      String r1000 = Files.readString(Path.of(a[0], n + "-1000", "report.json"));
      double tv = num(r200, "mixture_recovery", "weights_tv");
      double v = num(r1000, "mmd", "value"), f = num(r1000, "mmd", "floor"), sd = num(r1000, "mmd", "floor_sd");
      bad += report(n + ": weights_tv at 200 steps <= 0.03", tv, tv <= 0.03);
      bad += report(n + ": mmd at 1000 steps <= floor + 6 sd = " + String.format("%.4g", f + 6 * sd), v, v <= f + 6 * sd);
    }
    System.exit(Math.min(bad, 100));
  }
  static int report(String what, double value, boolean ok) {
    System.out.printf("%-4s %s: %.6g%n", ok ? "ok" : "FAIL", what, value);
    return ok ? 0 : 1;
  }
}
JAVA
names=()
for s in "${SAMPLERS[@]}"; do names+=("${s// /-}"); done
java "$OUT/Check.java" "$OUT" "${names[@]}"

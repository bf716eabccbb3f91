#!/usr/bin/env bash
# Full-size checks of the foundation (issue 2, acceptance 2 and 5), with the exact score on the quickstart:
#   - default kappa 0.05: mixture_recovery.weights_tv <= 0.02 and mean_error <= 0.1;
#   - kappa 0.01: mmd.value <= floor + 6 floor_sd;
#   - --threads 1 and --threads 2: the same sha256 of samples.npy.
# Usage: scripts/check-foundation.sh [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/runs/check-foundation}"
D="$ROOT/diffmix"
set_exact=(--set learner.type=exact --set 'metrics=["mmd","mixture-recovery"]')

"$D" run --preset quickstart "${set_exact[@]}" --out "$OUT/kappa-0.05" --threads 2 --quiet
"$D" run --preset quickstart "${set_exact[@]}" --set grid.kappa=0.01 --out "$OUT/kappa-0.01" --threads 2 --quiet
"$D" run --preset quickstart "${set_exact[@]}" --out "$OUT/threads-1" --threads 1 --quiet

java_check() {
  # prints one line per check and exits non-zero if any fails; reads the reports with the JDK alone
  cat > "$OUT/Check.java" <<'JAVA'
import java.nio.file.*; import java.util.regex.*;
public class Check {
  static double num(String json, String metric, String key) {
    Matcher m = Pattern.compile("\"" + metric + "\"\\s*:\\s*\\{[^}]*?\"" + key + "\"\\s*:\\s*([-0-9.eE+]+|\"[A-Za-z]+\")").matcher(json);
    if (!m.find()) throw new IllegalStateException(metric + "." + key + " missing");
    return Double.parseDouble(m.group(1).replace("\"", ""));
  }
  public static void main(String[] a) throws Exception {
    String d = new String(Files.readAllBytes(Path.of(a[0], "kappa-0.05", "report.json")));
    String k = new String(Files.readAllBytes(Path.of(a[0], "kappa-0.01", "report.json")));
    int bad = 0;
    double tv = num(d, "mixture_recovery", "weights_tv"), me = num(d, "mixture_recovery", "mean_error");
    double v = num(k, "mmd", "value"), f = num(k, "mmd", "floor"), sd = num(k, "mmd", "floor_sd");
    bad += report("weights_tv (kappa 0.05) <= 0.02", tv, tv <= 0.02);
    bad += report("mean_error (kappa 0.05) <= 0.1", me, me <= 0.1);
    bad += report("mmd (kappa 0.01) <= floor + 6 sd = " + (f + 6 * sd), v, v <= f + 6 * sd);
    System.exit(bad);
  }
  static int report(String what, double value, boolean ok) {
    System.out.printf("%-4s %s: %.6g%n", ok ? "ok" : "FAIL", what, value);
    return ok ? 0 : 1;
  }
}
JAVA
  java "$OUT/Check.java" "$OUT"
}
status=0
java_check || status=1
a=$(sha256sum "$OUT/kappa-0.05/samples.npy" | cut -d' ' -f1)
b=$(sha256sum "$OUT/threads-1/samples.npy" | cut -d' ' -f1)
if [ "$a" = "$b" ]; then echo "ok   samples.npy sha256, threads 1 = threads 2: $a"; else echo "FAIL samples.npy differ: $a $b"; status=1; fi
exit $status

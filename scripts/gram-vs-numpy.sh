#!/usr/bin/env bash
# Gram accumulation speed (the learner issue, acceptance 4; the bench issue's scripted comparison): GFLOP/s of
# G = XᵀX for an N × p row-major block, N = 20,000, p in {35, 165, 495}, one thread each, beside numpy's
# X.T @ X on the same shapes, and the ratio to numpy.
#   diffmix vector : core's Vector API kernel (the learner's pure-Java path)
#   diffmix scalar : core's scalar kernel (the same bits)
#   dsyrk          : netlib's dsyrk, native OpenBLAS when Debian's libopenblas0 is installed (JNIBLAS), or
#                    netlib's own Java (Java11BLAS / VectorBLAS); the learner calls it above 64 columns when native
#   numpy          : /usr/bin/python3 with Debian's python3-numpy, OPENBLAS_NUM_THREADS=1; skipped when missing
# Flops are counted as 2·N·p² for all, so a ratio is a ratio of wall times. Medians of 5 timed runs after warm-up.
# Usage: scripts/gram-vs-numpy.sh   (builds the CLI once through ./diffmix for its class path)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
[ -d "$ROOT/cli/target/lib" ] || "$ROOT/diffmix" plugins > /dev/null
CP=$(ls "$ROOT"/cli/target/lib/*.jar | tr '\n' ':')
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/GramBench.java" <<'JAVA'
import dev.ludovic.netlib.blas.BLAS;
import io.diffmix.core.linalg.Gram;
public class GramBench {
  interface Kernel { void run(double[] x, int n, int p, double[] g); }
  public static void main(String[] a) {
    if (a.length > 0) {
      time("dsyrk-" + BLAS.getInstance().getClass().getSimpleName(),
          (x, m, p, g) -> BLAS.getInstance().dsyrk("L", "N", p, m, 1.0, x, p, 1.0, g, p));
      return;
    }
    time("diffmix-vector", (x, m, p, g) -> Gram.best().accumulateUpper(x, 0, m, p, p, g));
    time("diffmix-scalar", (x, m, p, g) -> Gram.scalar().accumulateUpper(x, 0, m, p, p, g));
    // Φ is n × p row-major, i.e. p × n column-major: dsyrk("L", "N") is the upper triangle in row-major
    time("dsyrk-" + BLAS.getInstance().getClass().getSimpleName(),
        (x, m, p, g) -> BLAS.getInstance().dsyrk("L", "N", p, m, 1.0, x, p, 1.0, g, p));
  }
  static void time(String label, Kernel k) {
    int n = 20000;
    for (int p : new int[] {35, 165, 495}) {
      double[] x = new double[n * p];
      java.util.Random r = new java.util.Random(1);
      for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
      double[] g = new double[p * p];
      double flops = 2.0 * n * p * p;
      int reps = Math.max(2, (int) (4e9 / flops));
      double[] t = new double[7];
      for (int q = 0; q < t.length; q++) {
        long s = System.nanoTime();
        for (int e = 0; e < reps; e++) k.run(x, n, p, g);
        t[q] = (System.nanoTime() - s) / 1e9 / reps;
      }
      double[] timed = java.util.Arrays.copyOfRange(t, 2, t.length);
      java.util.Arrays.sort(timed);
      System.out.printf("%s %d %.3f%n", label, p, flops / timed[2] / 1e9);
    }
  }
}
JAVA
export OPENBLAS_NUM_THREADS=1
{
  java --add-modules jdk.incubator.vector -cp "$CP" "$TMP/GramBench.java" 2>/dev/null
  # netlib's Java fallback, forced by naming a native library that does not exist
  java -Ddev.ludovic.netlib.blas.nativeLib=no-such-library -cp "$CP" "$TMP/GramBench.java" pure 2>/dev/null \
    | grep -v JNIBLAS || true
  if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    /usr/bin/python3 - <<'PY'
import numpy as np, statistics, time
n = 20000
for p in (35, 165, 495):
    x = np.random.default_rng(1).standard_normal((n, p))
    flops = 2.0 * n * p * p
    reps = max(2, int(4e9 / flops))
    ts = []
    for k in range(7):
        s = time.perf_counter()
        for _ in range(reps):
            x.T @ x
        ts.append((time.perf_counter() - s) / reps)
    print(f"numpy {p} {flops / statistics.median(ts[2:]) / 1e9:.3f}")
PY
  else
    echo "# numpy: /usr/bin/python3 has no numpy; the ratios are skipped" >&2
  fi
} > "$TMP/rates"
awk '
  { rate[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
  END {
    printf "%-22s %6s %10s %10s\n", "kernel", "p", "GFLOP/s", "x numpy"
    for (i = 1; i <= k; i++) for (j = 1; j <= 3; j++) {
      p = (j == 1 ? 35 : j == 2 ? 165 : 495); name = order[i]
      if (!((name, p) in rate)) continue
      r = ((("numpy", p) in rate) && name != "numpy") ? sprintf("%.2f", rate[name, p] / rate["numpy", p]) : "-"
      printf "%-22s %6d %10.2f %10s\n", name, p, rate[name, p], r
    }
  }' "$TMP/rates"

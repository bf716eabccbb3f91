#!/usr/bin/env bash
# Gram accumulation speed (the learner issue, acceptance 4): GFLOP/s of netlib's dsyrk on an N x p
# row-major feature block beside numpy's X.T @ X, N = 20,000, p in {35, 165, 495}, one BLAS thread each
# (the learner pins the BLAS to one thread and parallelises above it). Flops are counted as 2·N·p² for
# both, so the ratio is a ratio of wall times. Medians of 5 timed runs after one warm-up.
#   java native : whatever netlib loads (OpenBLAS when Debian's libopenblas0 is installed)
#   java pure   : netlib's Java fallback, forced by naming a native library that does not exist
#   numpy       : /usr/bin/python3 with Debian's python3-numpy; skipped when missing
# Usage: scripts/gram-vs-numpy.sh   (builds the CLI once through ./diffmix for its classpath)
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
    int n = 20000;
    time("diffmix " + Gram.best().name(), (x, m, p, g) -> Gram.best().accumulateUpper(x, 0, m, p, p, g));
    time("diffmix " + Gram.scalar().name(), (x, m, p, g) -> Gram.scalar().accumulateUpper(x, 0, m, p, p, g));
    // Φ is n × p row-major, i.e. p × n column-major: dsyrk("L", "N") is the upper triangle in row-major
    time("dsyrk " + BLAS.getInstance().getClass().getSimpleName(),
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
      int reps = Math.max(1, (int) (2e9 / flops));
      double[] t = new double[6];
      for (int q = 0; q < t.length; q++) {
        long s = System.nanoTime();
        for (int e = 0; e < reps; e++) k.run(x, n, p, g);
        t[q] = (System.nanoTime() - s) / 1e9 / reps;
      }
      double[] timed = java.util.Arrays.copyOfRange(t, 1, t.length);
      java.util.Arrays.sort(timed);
      System.out.printf("%-34s p=%3d  %8.4f s  %6.2f GFLOP/s%n", label, p, timed[2], flops / timed[2] / 1e9);
    }
  }
}
JAVA
export OPENBLAS_NUM_THREADS=1
java --add-modules jdk.incubator.vector -cp "$CP" "$TMP/GramBench.java" 2>/dev/null
java -Ddev.ludovic.netlib.blas.nativeLib=no-such-library -cp "$CP" "$TMP/GramBench.java" 2>/dev/null | grep dsyrk
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  /usr/bin/python3 - <<'PY'
import numpy as np, statistics, time
n = 20000
for p in (35, 165, 495):
    x = np.random.default_rng(1).standard_normal((n, p))
    flops = 2.0 * n * p * p
    reps = max(1, int(2e9 / flops))
    ts = []
    for k in range(6):
        s = time.perf_counter()
        for _ in range(reps):
            x.T @ x
        ts.append((time.perf_counter() - s) / reps)
    m = statistics.median(ts[1:])
    print(f"{'numpy':24s} p={p:3d}  {m:8.4f} s  {flops / m / 1e9:6.2f} GFLOP/s")
PY
else
  echo "numpy: /usr/bin/python3 has no numpy; skipped"
fi

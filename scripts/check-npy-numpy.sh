#!/usr/bin/env bash
# .npy interoperability with numpy (the data-files issue, acceptance 3): a samples.npy written by diffmix,
# and every committed fixture, load in numpy with the expected shape and values. Skips cleanly without numpy.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY=/usr/bin/python3
if ! [ -x "$PY" ] || ! "$PY" -c 'import numpy' 2>/dev/null; then
  echo "skipped: /usr/bin/python3 with numpy is not installed (apt-get install python3-numpy)"
  exit 0
fi
OUT="${1:-$ROOT/runs/check-npy}"
"$ROOT/diffmix" run --preset quickstart --set learner.type=exact --set 'metrics=["mmd"]' --set generate=1234 \
  --out "$OUT" --quiet > /dev/null
"$PY" - "$OUT/samples.npy" "$ROOT/core/src/test/resources/npy" <<'PY'
import glob, sys
import numpy as np
a = np.load(sys.argv[1])
assert a.shape == (1234, 2) and a.dtype == np.float64 and np.isfinite(a).all(), (a.shape, a.dtype)
print("ok   numpy loads diffmix's samples.npy:", a.shape, a.dtype, "mean", a.mean(axis=0).round(3).tolist())
for f in sorted(glob.glob(sys.argv[2] + "/*.npy")):
    b = np.load(f)
    expected = [1.0, 2.0, 3.0] if b.ndim == 1 else [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert b.tolist() == expected, f
print("ok   numpy loads the", len(glob.glob(sys.argv[2] + "/*.npy")), "committed fixtures to the expected arrays")
PY

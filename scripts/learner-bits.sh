#!/usr/bin/env bash
# The bits a refactor of a learner must not change: the sha256 of the model payload that `diffmix fit` saves
# and of the samples.npy that `diffmix sample` and `diffmix run` write, for the quickstart and a 4-D random
# mixture (the paper's learner, and degree "auto" on the 4-D case so the held-out choice is covered too).
# Run it before and after a change and compare the lines: they must be equal.
#
#   scripts/learner-bits.sh [OUT]      (default OUT: a fresh temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"

cat > "$out/random-4d.json" <<'JSON'
{
  "seed": 11,
  "target": {"type": "random-mixture", "k": 4, "dim": 4, "separation": 5, "min_weight": 0.1, "seed": 3},
  "train": 30000, "reference": 5000, "generate": 5000,
  "schedule": {"type": "ve"},
  "grid": {"type": "paper", "kappa": 0.1, "t1": 0.001},
  "learner": {"type": "piecewise-polynomial", "degree": "auto", "degrees": [1, 2, 3]},
  "sampler": {"type": "paper-ve"},
  "metrics": ["mmd"],
  "oracle": false
}
JSON

# the payload of a .dmx file: magic, version, learner (UTF), provenance (int length + bytes), payload (int length + bytes)
payload_sha() {
  python3 - "$1" <<'PY'
import hashlib, struct, sys
b = open(sys.argv[1], 'rb').read()
o = 8
o += 2 + struct.unpack('>H', b[o:o + 2])[0]
o += 4 + struct.unpack('>i', b[o:o + 4])[0]
n = struct.unpack('>i', b[o:o + 4])[0]
print(hashlib.sha256(b[o + 4:o + 4 + n]).hexdigest())
PY
}

for case in quickstart random-4d; do
  if [ "$case" = quickstart ]; then cfg=(--preset quickstart); else cfg=("$out/random-4d.json"); fi
  ./diffmix fit -q "${cfg[@]}" --model "$out/$case.dmx" >/dev/null
  ./diffmix sample -q --model "$out/$case.dmx" --count 5000 --out "$out/$case-sample.npy" >/dev/null
  ./diffmix run -q "${cfg[@]}" --set oracle=false --set 'metrics=["mmd"]' --out "$out/$case-run" >/dev/null
  echo "$case model payload     $(payload_sha "$out/$case.dmx")"
  echo "$case sample samples.npy $(sha256sum < "$out/$case-sample.npy" | cut -d' ' -f1)"
  echo "$case run samples.npy    $(sha256sum < "$out/$case-run/samples.npy" | cut -d' ' -f1)"
done
# the noise target, whose coefficients are mapped to the posterior mean after the solve
./diffmix fit -q --preset quickstart --set learner.target=noise --model "$out/quickstart-noise.dmx" >/dev/null
echo "quickstart target=noise model payload $(payload_sha "$out/quickstart-noise.dmx")"

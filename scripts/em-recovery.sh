#!/usr/bin/env bash
# em-gmm's mixture recovery against the floor (the EM baseline issue, acceptance 2): for each case and seed, one
# `diffmix run` of em-gmm with the true k and the given sampler (default `mixture`, exact draws from the fitted
# mixture), its oracle paired, and mixture_recovery's weights_tv and mean_error beside the floor's mean + 2 sd
# (floor_pairs true-against-true pairs of the same sizes). Prints a row per run and the count within.
#   usage: scripts/em-recovery.sh [CASES] [SEEDS] [SAMPLER]
#     CASES: comma-separated of quickstart,R4,R6,R10 (default all); SEEDS: 1,2,3; SAMPLER: mixture
#   env: OUT (runs/em-recovery), FLOOR_PAIRS (30), TRAIN (100000 training rows, the EM issue's size)
# 30 floor pairs, not the runs' default 10: the bound is mean + 2 sd of the floor, and an sd from 10 pairs is
# itself noisy. With 10, R4 seed 1's bound came out at 0.0786, with 30 (the same 10 and 20 more) at 0.0968. A
# mean + 2 sd bound is still missed by chance: the oracle's exact draws miss it on quickstart seeds 1 and 2 with
# 10 pairs and with 30.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CASES="${1:-quickstart,R4,R6,R10}"
SEEDS="${2:-1,2,3}"
SAMPLER="${3:-mixture}"
OUT="${OUT:-$ROOT/runs/em-recovery}"
FLOOR_PAIRS="${FLOOR_PAIRS:-30}"
TRAIN="${TRAIN:-100000}"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
mkdir -p "$OUT"
target() {
  case "$1" in
    quickstart) echo '{"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2], "means": [[0, 0], [5, 0], [0, 5]], "sigma0": 1.0}' ;;
    R4) echo '{"type": "random-mixture", "k": 4, "dim": 4, "separation": 5, "min_weight": 0.1, "seed": 2}' ;;
    R6) echo '{"type": "random-mixture", "k": 5, "dim": 6, "separation": 4, "min_weight": 0.07, "seed": 11}' ;;
    R10) echo '{"type": "random-mixture", "k": 6, "dim": 10, "separation": 5, "min_weight": 0.08, "seed": 4}' ;;
    *) echo "em-recovery: unknown case '$1'; valid: quickstart, R4, R6, R10" >&2; exit 2 ;;
  esac
}
true_k() { case "$1" in quickstart) echo 3 ;; R4) echo 4 ;; R6) echo 5 ;; R10) echo 6 ;; esac; }
printf '%-10s %4s | %9s %9s %4s | %9s %9s %4s | %9s %9s\n' case seed weights_tv "floor+2sd" ok mean_error \
  "floor+2sd" ok "oracle wtv" "oracle me"
within=0
total=0
for c in ${CASES//,/ }; do
  for seed in ${SEEDS//,/ }; do
    cfg="$OUT/$c-seed$seed.json"
    cat > "$cfg" <<JSON
{"seed": $seed, "target": $(target "$c"), "train": $TRAIN, "reference": 10000, "generate": 10000,
 "learner": {"type": "em-gmm", "components": $(true_k "$c")}, "sampler": {"type": "$SAMPLER"},
 "metrics": ["mixture-recovery"], "floor_pairs": $FLOOR_PAIRS, "oracle": true}
JSON
    "$ROOT/diffmix" run "$cfg" --out "$OUT/$c-seed$seed-$SAMPLER" --quiet > /dev/null
    read -r ok line < <("$PY" - "$OUT/$c-seed$seed-$SAMPLER/report.json" "$c" "$seed" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
m, o = r["metrics"]["mixture_recovery"], r["oracle"]["metrics"]["mixture_recovery"]
cells, ok = [], 0
for key in ("weights_tv", "mean_error"):
    bound = m[key + "_floor"] + 2 * m[key + "_floor_sd"]
    good = m[key] <= bound
    ok += good
    cells.append("%9.5f %9.5f %4s" % (m[key], bound, "yes" if good else "NO"))
print(1 if ok == 2 else 0, "%-10s %4s | %s | %9.5f %9.5f" % (sys.argv[2], sys.argv[3], " | ".join(cells),
      o["weights_tv"], o["mean_error"]))
PYEOF
)
    echo "$line"
    total=$((total + 1))
    within=$((within + ok))
  done
done
echo "runs with both numbers within the floor's mean + 2 sd: $within of $total (sampler $SAMPLER)"

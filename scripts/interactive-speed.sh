#!/usr/bin/env bash
# The researcher's loop, timed (the interactive-speed issue): wall time of `./diffmix run --preset quickstart`
# against the fit_seconds + sample_seconds that its report gives, with the floor cache empty and filled; and,
# with `grid`, `./diffmix compare examples/grids/learners-samplers.json` against the sum of its cells' fit and
# sample seconds, with the cache (cells at once) and without (--no-cache --threads 2: one cell after another,
# every floor computed, as before the cache). Medians of RUNS runs; every figure comes from this one run.
# Usage: scripts/interactive-speed.sh [RUNS] [grid]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
D="$ROOT/diffmix"
RUNS="${1:-3}"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$D" plugins > /dev/null 2>&1   # build and class-data archive, outside the timings

now() { date +%s%N; }
median() { "$PY" -c 'import sys, statistics; print("%.3f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

quickstart() {  # quickstart CACHE_DIR -> prints "wall ratio"
  local s e
  s=$(now)
  DIFFMIX_CACHE="$1" "$D" run --preset quickstart --out "$T/qs" --quiet > /dev/null
  e=$(now)
  "$PY" - "$T/qs/report.json" "$s" "$e" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1])); w = (int(sys.argv[3]) - int(sys.argv[2])) / 1e9
f, s = r["learner"]["fit_seconds"], r["sampler"]["sample_seconds"]
print("%.3f %.3f %.3f" % (w, f + s, w / (f + s)))
PYEOF
}

declare -a empty_w empty_r full_w full_r
for i in $(seq "$RUNS"); do
  read -r w fs r < <(quickstart "$T/cache-empty-$i")
  empty_w+=("$w"); empty_r+=("$r")
  echo "quickstart, empty cache, run $i: wall $w s, fit + sample $fs s, ratio $r"
done
quickstart "$T/cache-full" > /dev/null   # fill it
for i in $(seq "$RUNS"); do
  read -r w fs r < <(quickstart "$T/cache-full")
  full_w+=("$w"); full_r+=("$r")
  echo "quickstart, filled cache, run $i: wall $w s, fit + sample $fs s, ratio $r"
done
echo "quickstart median ratio: empty cache $(median "${empty_r[@]}") (target <= 3.5), filled cache $(median "${full_r[@]}") (target <= 2)"

if [ "${2:-}" = grid ]; then
  grid() {  # grid CACHE_DIR ARGS... -> prints "wall sum ratio"
    local cache="$1" s e
    shift
    rm -rf "$T/grid"
    s=$(now)
    DIFFMIX_CACHE="$cache" "$D" compare "$ROOT/examples/grids/learners-samplers.json" --out "$T/grid" --quiet "$@" \
      > /dev/null 2>&1
    e=$(now)
    "$PY" - "$T/grid/results.jsonl" "$s" "$e" <<'PYEOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
cells = sum(r["timing"].get("fit_seconds", 0) + r["timing"].get("sample_seconds", 0) for r in rows)
w = (int(sys.argv[3]) - int(sys.argv[2])) / 1e9
print("%.3f %.3f %.3f" % (w, cells, w / cells))
PYEOF
  }
  declare -a before after
  for i in $(seq "$RUNS"); do
    read -r w c r < <(grid "$T/none" --no-cache --threads 2)
    before+=("$r"); echo "grid, no cache, one cell at a time, run $i: wall $w s, cells' fit + sample $c s, ratio $r"
    read -r w c r < <(grid "$T/grid-cache-$i")
    after+=("$r"); echo "grid, cache, cells at once, run $i: wall $w s, cells' fit + sample $c s, ratio $r"
  done
  echo "grid median ratio: before $(median "${before[@]}"), now $(median "${after[@]}") (target <= 1.5)"
fi

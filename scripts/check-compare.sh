#!/usr/bin/env bash
# Full-size checks of `diffmix compare` (the workbench issue, acceptance 2, 3 and 5):
#   1. the grid runs to the end and writes table.csv, table.md, results.jsonl and the plots;
#   2. killed with SIGKILL halfway and started again, it writes the same table.csv, byte for byte, and
#      results.jsonl has exactly one row per cell and seed;
#   3. a failing cell is in the table as failed, with its reason, and the other cells complete.
# Usage: scripts/check-compare.sh [GRID.json] [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
GRID="${1:-$ROOT/examples/grids/learners-samplers.json}"
OUT="${2:-$ROOT/runs/check-compare}"
D="$ROOT/diffmix"
rm -rf "$OUT" && mkdir -p "$OUT"

"$D" compare "$GRID" --out "$OUT/straight" --quiet > "$OUT/straight.txt"
expected=$(wc -l < "$OUT/straight/results.jsonl")

# the same grid, killed once half of its rows are written
"$D" compare "$GRID" --out "$OUT/killed" --quiet > /dev/null 2>&1 &
pid=$!
while [ "$(cat "$OUT/killed/results.jsonl" 2>/dev/null | wc -l)" -lt $((expected / 2)) ]; do sleep 0.2; done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
echo "killed after $(wc -l < "$OUT/killed/results.jsonl") of $expected rows"
"$D" compare "$GRID" --out "$OUT/killed" --quiet > "$OUT/killed.txt"

status=0
if cmp -s "$OUT/straight/table.csv" "$OUT/killed/table.csv"; then
  echo "ok   table.csv identical after SIGKILL and resume ($(sha256sum < "$OUT/killed/table.csv" | cut -c1-16))"
else
  echo "FAIL table.csv differs after resume"; status=1
fi
rows=$(wc -l < "$OUT/killed/results.jsonl")
unique=$(python3 -c 'import json, sys
print(len({(json.dumps(r["cell"], sort_keys=True), r["seed"]) for r in map(json.loads, open(sys.argv[1]))}))' \
  "$OUT/killed/results.jsonl")
if [ "$rows" -eq "$expected" ] && [ "$unique" -eq "$expected" ]; then
  echo "ok   results.jsonl: $rows rows, one per cell and seed"
else
  echo "FAIL results.jsonl: $rows rows, $unique distinct cells and seeds, for $expected"; status=1
fi
failed=$(grep -c '"status":"failed"' "$OUT/straight/results.jsonl" || true)
ok=$(grep -c '"status":"ok"' "$OUT/straight/results.jsonl" || true)
echo "ok   $ok rows ok, $failed failed; failed cells in table.csv:"
awk -F, 'NR > 1 && $0 ~ /,0,[0-9]+,"/' "$OUT/straight/table.csv" | cut -c1-160
ls "$OUT/straight"/*.png | sed 's|.*/|     plot: |'
exit $status

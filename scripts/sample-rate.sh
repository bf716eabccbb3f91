#!/usr/bin/env bash
# Sampling throughput of the paper's learner (the learner issue's target: >= 1e7 score evaluations per second
# for a degree-3, 2-D model on both cores). Fits the quickstart once, then samples 100,000 and 200,000 points
# with paper-ve; the difference of the wall times removes JVM start-up and JIT warm-up, so the rate is
# 100,000 x NFE / (t200k - t100k). Prints the median of three such differences.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/runs/sample-rate}"
mkdir -p "$OUT"
"$ROOT/diffmix" fit --preset quickstart --model "$OUT/quickstart.dmx" --quiet
wall() {
  local s e
  s=$(date +%s.%N)
  "$ROOT/diffmix" sample --model "$OUT/quickstart.dmx" --count "$1" --out "$OUT/s.npy" --threads 2 --quiet > /dev/null
  e=$(date +%s.%N)
  awk -v a="$s" -v b="$e" 'BEGIN { print b - a }'
}
diffs=()
for i in 1 2 3; do
  a=$(wall 100000)
  b=$(wall 200000)
  diffs+=("$(awk -v a="$a" -v b="$b" 'BEGIN { print b - a }')")
done
median=$(printf '%s\n' "${diffs[@]}" | sort -g | sed -n 2p)
nfe=203
echo "marginal seconds per 100,000 points (3 runs): ${diffs[*]}"
awk -v m="$median" -v nfe="$nfe" 'BEGIN { printf "median rate: %.3g score evaluations per second (sampler step and noise included)\n", 100000 * nfe / m }'

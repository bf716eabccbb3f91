#!/usr/bin/env bash
# Sampling throughput of the paper's learner (the learner issue's target: >= 1e7 score evaluations per second
# for a degree-3, 2-D model on both cores). Fits the quickstart once, then samples 100,000 and 200,000 points
# with paper-ve; the difference of the sampling times that `diffmix sample` prints removes JVM start-up and most
# of the JIT's warm-up, so the rate is 100,000 x NFE / (t200k - t100k). Prints the median of three differences.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/runs/sample-rate}"
mkdir -p "$OUT"
"$ROOT/diffmix" fit --preset quickstart --model "$OUT/quickstart.dmx" --quiet
# the seconds in "sampled N points with paper-ve (...) in S s; wrote ...": the sampling alone
wall() {
  "$ROOT/diffmix" sample --model "$OUT/quickstart.dmx" --count "$1" --out "$OUT/s.npy" --threads 2 --quiet \
    | sed -n 's/.* in \([0-9.]*\) s; wrote .*/\1/p'
}
diffs=()
for i in 1 2 3; do
  a=$(wall 100000)
  b=$(wall 200000)
  [ -n "$a" ] && [ -n "$b" ] || { echo "sample-rate: diffmix sample printed no time" >&2; exit 1; }
  diffs+=("$(awk -v a="$a" -v b="$b" 'BEGIN { print b - a }')")
done
median=$(printf '%s\n' "${diffs[@]}" | sort -g | sed -n 2p)
nfe=$("$ROOT/diffmix" sample --model "$OUT/quickstart.dmx" --count 1 --out "$OUT/s.npy" --quiet \
  | sed -n 's/.*(\([0-9]*\) score evaluations each).*/\1/p')
echo "marginal seconds per 100,000 points (3 runs): ${diffs[*]}"
awk -v m="$median" -v nfe="$nfe" 'BEGIN { printf "median rate: %.3g score evaluations per second (sampler step and noise included)\n", 100000 * nfe / m }'

#!/usr/bin/env bash
# The hostile inputs that once reached the JVM's error handler or ran for minutes, through the real launcher:
# each must exit 2 with exactly one line on standard error, within 5 seconds of its launch (JVM start included),
# before any fitting starts, and leave nothing in its output folder. cli's HostileInputTest holds these and
# about ninety more in-process; this script times them as a user sees them.
# Usage: scripts/check-hostile-table.sh   (CI runs it after mvn -B verify)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
D="$ROOT/diffmix"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
LIMIT=5

# the inputs: a small saved model, a file with an existing name, and a .npy of 10 rows and 2,000 columns (zeros)
small='{"seed": 3, "target": {"type": "gaussian-mixture", "weights": [0.5, 0.5], "means": [[0, 0], [5, 0]]},
  "train": 3000, "reference": 600, "generate": 700, "grid": {"type": "paper", "kappa": 0.2},
  "learner": {"type": "piecewise-polynomial", "degree": 1}, "metrics": ["mmd"]}'
printf '%s\n' "$small" > "$T/small.json"
"$D" plugins > /dev/null 2>&1   # a first launch after a build records the class-data archive: not timed
"$D" fit "$T/small.json" --model "$T/m.dmx" --quiet > /dev/null
echo mine > "$T/a-file"
mkdir -p "$T/a-folder"
header="{'descr': '<f8', 'fortran_order': False, 'shape': (10, 2000), }"
pad=$(( 64 - (10 + ${#header} + 1) % 64 ))
{ printf '\x93NUMPY\x01\x00'; printf "\\x$(printf %02x $(( (${#header} + pad + 1) % 256 )))\\x$(printf %02x $(( (${#header} + pad + 1) / 256 )))"
  printf '%s%*s\n' "$header" "$pad" ''; head -c 160000 /dev/zero; } > "$T/wide.npy"
printf '{"target": {"type": "file", "path": "%s"}}\n' "$T/wide.npy" > "$T/wide.json"

status=0
check() {  # check NAME OUTPUT-PATH COMMAND...: exit 2, one line, within LIMIT seconds, OUTPUT-PATH not created
  local name="$1" out="$2"
  shift 2
  local code=0 t0 t1
  t0=$(date +%s.%N)
  "$@" > "$T/stdout" 2> "$T/err" || code=$?
  t1=$(date +%s.%N)
  local secs lines
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  lines=$(wc -l < "$T/err")
  local left=""
  if [ -n "$out" ] && [ -e "$out" ] && [ "$out" != "$T/a-file" ] && [ "$out" != "$T/a-folder" ]; then left="$out"; fi
  if ls -a "$T" | grep -q 'diffmix-partial\|diffmix-lock'; then left="$left (a partial file or lock)"; fi
  if [ "$code" -eq 2 ] && [ "$lines" -eq 1 ] && [ -z "$left" ] && awk -v s="$secs" -v l="$LIMIT" 'BEGIN { exit !(s <= l) }'
  then
    echo "ok   ${secs}s  $name: $(cut -c1-150 "$T/err")"
  else
    echo "FAIL ${secs}s  $name: exit $code, $lines lines on stderr${left:+, left $left}:"
    sed 's/^/     /' "$T/err"
    status=1
  fi
}

Q=(--quiet)
check "grid.kappa=1e-9" "$T/r1" "$D" run --preset quickstart --out "$T/r1" "${Q[@]}" --set grid.kappa=1e-9
check "degree 12 in dim 8 on 50,000 rows" "$T/r2" "$D" run --preset quickstart --out "$T/r2" "${Q[@]}" \
  --set 'target={"type": "random-mixture", "k": 4, "dim": 8}' --set learner.degree=12
check "a mean of 1e300" "$T/r3" "$D" run --preset quickstart --out "$T/r3" "${Q[@]}" \
  --set 'target.means=[[0,1e300],[5,0],[0,5]]'
check "a file of 2,000 columns and 10 rows" "$T/r4" "$D" run "$T/wide.json" --out "$T/r4" "${Q[@]}"
check "--out an existing file" "$T/a-file" "$D" run --preset quickstart --out "$T/a-file" "${Q[@]}"
check "--out under a regular file" "$T/a-file/run" "$D" run --preset quickstart --out "$T/a-file/run" "${Q[@]}"
check "--out under /proc" "" "$D" run --preset quickstart --out /proc/self/diffmix-run "${Q[@]}"
check "--out a folder nobody may create" "" "$D" run --preset quickstart --out /sys/diffmix-run/x "${Q[@]}"
check "fit --model a folder" "$T/a-folder" "$D" fit --preset quickstart --model "$T/a-folder" "${Q[@]}"
check "sample --out a folder" "$T/a-folder" "$D" sample --model "$T/m.dmx" --out "$T/a-folder" "${Q[@]}"
check "train: 1" "$T/r5" "$D" run --preset quickstart --out "$T/r5" "${Q[@]}" --set train=1
check "sample --set target.type" "$T/s1.npy" "$D" sample --model "$T/m.dmx" --out "$T/s1.npy" "${Q[@]}" \
  --set target.type=random-mixture
check "sample --set learner.type" "$T/s2.npy" "$D" sample --model "$T/m.dmx" --out "$T/s2.npy" "${Q[@]}" \
  --set learner.type=exact
exit $status

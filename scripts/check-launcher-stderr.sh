#!/usr/bin/env bash
# Bad input through the real launcher prints exactly one line on standard error and exits 2: five cases of
# the kinds in cli's BadInputTest (unknown plugin, key and metric, values out of range), plus a bad preset and a
# bad option. The launcher drops only Java 17's incubator notice
# from the JVM's standard error; everything diffmix says arrives before the launcher exits.
# Usage: scripts/check-launcher-stderr.sh   (CI runs it after mvn -B verify)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
D="$ROOT/diffmix"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
base='"seed": 3, "target": {"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2], "means": [[0, 0], [5, 0], [0, 5]]},
  "train": 3000, "reference": 600, "generate": 700, "grid": {"type": "paper", "kappa": 0.2}, "learner": "exact"'
cases=(
  '"sampler": "pf-heunn"|unknown sampler '"'"'pf-heunn'"'"
  '"smapler": 1|unknown key '"'"'smapler'"'"
  '"metrics": ["mmdd"]|unknown metric '"'"'mmdd'"'"
  '"sampler": {"type": "ddim", "eta": 2}|sampler.eta: 2 is out of range'
  '"floor_pairs": 3|floor_pairs: 3 is out of range'
)
# the first launch after a build may build the CLI and record its class-data archive, and says so: not counted
"$D" plugins > /dev/null 2>&1
status=0
check() {  # check NAME EXPECTED-SUBSTRING COMMAND...
  local name="$1" want="$2"
  shift 2
  local code=0
  "$@" > "$T/out" 2> "$T/err" || code=$?
  local lines
  lines=$(wc -l < "$T/err")
  if [ "$code" -eq 2 ] && [ "$lines" -eq 1 ] && grep -qF -- "$want" "$T/err"; then
    echo "ok   $name: exit 2, one line: $(cut -c1-110 "$T/err")"
  else
    echo "FAIL $name: exit $code, $lines lines on stderr:"; sed 's/^/     /' "$T/err"; status=1
  fi
}
i=0
for c in "${cases[@]}"; do
  i=$((i + 1))
  override="${c%%|*}"
  want="${c#*|}"
  sed 's/"learner": "exact"/&, '"$(printf '%s' "$override" | sed 's/[&/\]/\\&/g')"'/' <<< "{$base}" > "$T/bad$i.json"
  check "$override" "$want" "$D" run "$T/bad$i.json" --out "$T/out$i" --quiet
done
check "--preset nope" "unknown preset" "$D" run --preset nope
check "--threads 0" "--threads 0" "$D" run --preset quickstart --threads 0
exit $status

#!/usr/bin/env bash
# The sampler table and plot of issue 4 (acceptance 5): NFE against MMD and weights_tv for every sampler on the
# quickstart with the exact score, at 10, 20, 50, 100 and 200 steps of the paper grid.
# Writes docs/samplers.md, docs/samplers.csv and docs/samplers.png (or OUT_DIR/...).
# Usage: scripts/sampler-table.sh [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs}"
cd "$ROOT"
mvn -B -q -pl bench -am package -DskipTests >&2
export OPENBLAS_NUM_THREADS=1
exec java --add-modules jdk.incubator.vector -Xmx4g -cp bench/target/benchmarks.jar io.diffmix.bench.SamplerTable \
  "$OUT" cli/src/main/resources/io/diffmix/cli/presets/quickstart.json 2

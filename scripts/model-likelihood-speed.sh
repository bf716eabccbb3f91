#!/usr/bin/env bash
# The speed of model-likelihood (issue 15, acceptance 5): per learner on the quickstart, the median time of the
# metric on 10,000 held-out points beside sampling 10,000 points with pf-heun on a karras grid of 100 steps,
# both on the same fitted model, in one JVM after warm-up.
# Usage: scripts/model-likelihood-speed.sh [THREADS] [REPEATS]
#   env: LEARNER (one learner's JSON instead of the four), METRIC (the metric's JSON, such as
#        '{"type": "model-likelihood", "rtol": 1e-4, "atol": 1e-4, "knots": false}')
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mvn -B -q -pl bench -am package -DskipTests >&2
export OPENBLAS_NUM_THREADS=1
PROPS=()
[ -n "${LEARNER:-}" ] && PROPS+=("-Dlearner=$LEARNER")
[ -n "${METRIC:-}" ] && PROPS+=("-Dmetric=$METRIC")
exec java --add-modules jdk.incubator.vector -Xmx4g ${PROPS[@]+"${PROPS[@]}"} -cp bench/target/benchmarks.jar \
  io.diffmix.bench.ModelLikelihoodSpeed cli/src/main/resources/io/diffmix/cli/presets/quickstart.json \
  "${1:-2}" "${2:-5}"

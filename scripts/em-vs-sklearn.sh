#!/usr/bin/env bash
# em-gmm beside scikit-learn's GaussianMixture on the same training rows (the EM baseline issue, acceptance 1
# and 3). For each case and seed, the run's own training rows (the config's target drawn with that seed, as
# `diffmix run` draws them) are written to one .npy; then, REPS times and interleaved, a fresh JVM fits em-gmm
# on it through the registry and a fresh /usr/bin/python3 fits sklearn on it. Each side times its fit alone
# (no start-up, no file reading). Both get the same k, n_init = INITS EM starts, max_iter, tol (absolute change
# of the mean log-likelihood per row) and reg_covar; full covariances; sklearn's init_params = "kmeans" (one
# k-means per start), em-gmm's kmeans_inits is its own default unless KMEANS_INITS is set.
# Printed per case and seed: the mean log-likelihood per row of each side's final parameters, iterations,
# converged, the median seconds of the REPS fits and each, em-gmm's log-likelihood recomputed by sklearn's
# code from em-gmm's parameters (a check), and the ratio of median times.
#   usage: scripts/em-vs-sklearn.sh [CASES] [SEEDS] [REPS]
#     CASES: comma-separated of quickstart,R4,R6,R10 (default all), SEEDS: e.g. 1,2,3 (default), REPS: 3
#   env: INITS (1), SK_INITS (sklearn's n_init, default INITS; a larger one gives a reference optimum),
#        KMEANS_INITS (em-gmm's default), MAX_ITER (100), TOL (1e-3), REG (1e-6),
#        TRAIN (100000, the size of the EM issue's measurement),
#        THREADS (2, em-gmm's worker threads), OUT (runs/em-vs-sklearn: rows, fits, results.tsv),
#        EM_JAVA_OPTS (extra JVM options for em-gmm's side, such as -XX:TieredStopAtLevel=1)
# Skips (exit 0) without /usr/bin/python3 with numpy and scikit-learn.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CASES="${1:-quickstart,R4,R6,R10}"
SEEDS="${2:-1,2,3}"
REPS="${3:-3}"
INITS="${INITS:-1}"
SK_INITS="${SK_INITS:-$INITS}"
MAX_ITER="${MAX_ITER:-100}"
TOL="${TOL:-1e-3}"
REG="${REG:-1e-6}"
TRAIN="${TRAIN:-100000}"
THREADS="${THREADS:-2}"
OUT="${OUT:-$ROOT/runs/em-vs-sklearn}"
if ! /usr/bin/python3 -c 'import numpy, sklearn' 2>/dev/null; then
  echo "em-vs-sklearn: skipped (no /usr/bin/python3 with numpy and scikit-learn)"
  exit 0
fi
# builds the CLI when a source is newer than its jar
DIFFMIX_CDS=off "$ROOT/diffmix" plugins > /dev/null
CP="$ROOT/cli/target/diffmix-cli.jar:$(ls "$ROOT"/cli/target/lib/*.jar | tr '\n' ':')"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
cat > "$TMP/EmSide.java" <<'JAVA'
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.data.Samples;
import io.diffmix.core.experiment.ExperimentSpec;
import io.diffmix.core.io.Npy;
import io.diffmix.core.io.NpyReader;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.*;
import io.diffmix.core.spi.*;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/**
 * rows CONFIG.json SEED TRAIN OUT.npy : the training rows that `diffmix run` draws for CONFIG with this seed.
 * fit ROWS.npy LEARNER_JSON SEED THREADS OUT.json : em-gmm on the rows, with the learner streams of a run of
 * that seed; prints log_likelihood, iterations, converged, the fit's wall seconds and the process's CPU seconds
 * during it (JIT compiler threads included), and writes the parameters.
 */
public class EmSide {
  public static void main(String[] a) throws Exception {
    Registry reg = Registry.load(List.of(), m -> {});
    if (a[0].equals("rows")) {
      ObjectNode root = (ObjectNode) Json.MAPPER.readTree(new File(a[1]));
      root.put("seed", Long.parseLong(a[2]));
      root.put("train", Integer.parseInt(a[3]));
      ExperimentSpec spec = ExperimentSpec.parse(root, a[1], reg);
      Target.TargetData data = spec.target().instance().draw(spec.train(), spec.reference(),
          new RandomStreams(spec.seed()).child("data"));
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(Path.of(a[4])))) {
        Npy.write(data.train(), os);
      }
      return;
    }
    Samples x = NpyReader.read(Path.of(a[1]));
    JsonNode node = Json.MAPPER.readTree(a[2]);
    Learner learner = ExperimentSpec.<LearnerFactory<?>, Learner>component(node, Family.LEARNER, "learner",
        "em-gmm", "em-vs-sklearn", reg, Set.of()).instance();
    Schedule ve = ExperimentSpec.<ScheduleFactory<?>, Schedule>component(null, Family.SCHEDULE, "schedule", "ve",
        "em-vs-sklearn", reg, Set.of()).instance();
    Learner.FittedModel fitted;
    long t0;
    double seconds;
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0;
    double cpu;
    try (Parallel par = new Parallel(Integer.parseInt(a[4]))) {
      cpu0 = os.getProcessCpuTime();
      t0 = System.nanoTime();
      fitted = learner.fit(new Learner.Input(x, ve, new double[] {1.0},
          new RandomStreams(Long.parseLong(a[3])).child("learner"), par, Optional.empty(),
          Learner.Progress.NONE));
      seconds = (System.nanoTime() - t0) / 1e9;
      cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    }
    Map<String, Object> s = fitted.summary();
    Json.MAPPER.writeValue(new File(a[5]), s);
    var line = Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    System.out.println(line.writeValueAsString(Map.of("log_likelihood", s.get("log_likelihood"),
        "iterations", s.get("iterations"), "converged", s.get("converged"), "components", s.get("components"),
        "seconds", seconds, "cpu_seconds", cpu)));
  }
}
JAVA
javac -d "$TMP" -cp "$CP" "$TMP/EmSide.java"
# the launcher's JVM options; the Vector API's one-line notice is dropped, anything else on stderr is kept
jrun() {
  java -Xmx8g ${EM_JAVA_OPTS:-} --add-modules jdk.incubator.vector -cp "$TMP:$CP" EmSide "$@" 2> "$TMP/jerr" \
    || { cat "$TMP/jerr" >&2; exit 1; }
  grep -v 'Using incubator modules' "$TMP/jerr" >&2 || true
}

config() {  # the case's config, as `diffmix run` would read it
  local target
  case "$1" in
    quickstart) target='{"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2],
                 "means": [[0, 0], [5, 0], [0, 5]], "sigma0": 1.0}' ;;
    R4) target='{"type": "random-mixture", "k": 4, "dim": 4, "separation": 5, "min_weight": 0.1, "seed": 2}' ;;
    R6) target='{"type": "random-mixture", "k": 5, "dim": 6, "separation": 4, "min_weight": 0.07, "seed": 11}' ;;
    R10) target='{"type": "random-mixture", "k": 6, "dim": 10, "separation": 5, "min_weight": 0.08, "seed": 4}' ;;
    *) echo "em-vs-sklearn: unknown case '$1'; valid: quickstart, R4, R6, R10" >&2; exit 2 ;;
  esac
  printf '{"seed": 0, "target": %s, "train": 50000, "reference": 10000}\n' "$target"
}
true_k() { case "$1" in quickstart) echo 3 ;; R4) echo 4 ;; R6) echo 5 ;; R10) echo 6 ;; esac; }
LEARNER_EXTRA=""
[ -n "${KMEANS_INITS:-}" ] && LEARNER_EXTRA=", \"kmeans_inits\": $KMEANS_INITS"
RESULTS="$OUT/results.tsv"
echo "same rows, k = the true k, n_init = $INITS (sklearn $SK_INITS), max_iter = $MAX_ITER, tol = $TOL," \
  "reg_covar = $REG, full;" \
  "em-gmm on $THREADS threads${KMEANS_INITS:+, kmeans_inits = $KMEANS_INITS}; $REPS fits each, interleaved"
/usr/bin/python3 "$ROOT/scripts/em_vs_sklearn.py" header "$RESULTS"
for c in ${CASES//,/ }; do
  config "$c" > "$TMP/$c.json"
  k=$(true_k "$c")
  for seed in ${SEEDS//,/ }; do
    rows="$OUT/$c-seed$seed.npy"
    jrun rows "$TMP/$c.json" "$seed" "$TRAIN" "$rows"
    learner="{\"type\": \"em-gmm\", \"components\": $k, \"covariance\": \"full\", \"inits\": $INITS,"
    learner+=" \"max_iterations\": $MAX_ITER, \"tolerance\": $TOL, \"reg_covar\": $REG$LEARNER_EXTRA}"
    : > "$TMP/em"; : > "$TMP/sk"
    for r in $(seq "$REPS"); do
      OPENBLAS_NUM_THREADS=1 jrun fit "$rows" "$learner" "$seed" "$THREADS" \
        "$OUT/$c-seed$seed.em-gmm.json" >> "$TMP/em"
      /usr/bin/python3 "$ROOT/scripts/em_vs_sklearn.py" fit "$rows" "$k" "$SK_INITS" "$MAX_ITER" "$TOL" "$REG" \
        "$seed" >> "$TMP/sk"
    done
    /usr/bin/python3 "$ROOT/scripts/em_vs_sklearn.py" score "$rows" "$OUT/$c-seed$seed.em-gmm.json" > "$TMP/check"
    /usr/bin/python3 "$ROOT/scripts/em_vs_sklearn.py" row "$c" "$seed" "$k" "$TMP/em" "$TMP/sk" "$TMP/check" \
      "$RESULTS"
  done
done
echo "wrote $RESULTS"

#!/usr/bin/env bash
# Sampling speed of the paper's learner beside a NumPy port, on this machine (the learner issue, acceptance 2's
# "at least twice as fast" and 4's "sample seconds"). Fits the quickstart once, then draws 10,000 points with
# paper-ve down the model's 203 steps:
#   diffmix cold : `diffmix sample` in a fresh JVM, the sampling time it prints; median of RUNS runs
#   diffmix warm : a JVM that samples 6 times over; the median of its last three draws, then of RUNS such JVMs
#   numpy        : scripts/numpy_paper_ve.py under /usr/bin/python3; median of RUNS draws; skipped without numpy
# All three time the sampling only, not start-up or reading the model. diffmix runs on both cores, NumPy's
# element-wise work on one, so "x numpy" is per machine, not per core.
# `diffmix run` reports the sampling that follows its fit as sampler.sample_seconds; see the README.
# Usage: scripts/sample-vs-numpy.sh [OUT_DIR] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/runs/sample-vs-numpy}"
RUNS="${2:-5}"
mkdir -p "$OUT"
"$ROOT/diffmix" fit --preset quickstart --model "$OUT/quickstart.dmx" --quiet
CP="$ROOT/cli/target/diffmix-cli.jar:$(ls "$ROOT"/cli/target/lib/*.jar | tr '\n' ':')"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/SampleTime.java" <<'JAVA'
import io.diffmix.core.experiment.*;
import io.diffmix.core.model.SavedModels;
import io.diffmix.core.parallel.Parallel;
import io.diffmix.core.random.RandomStreams;
import io.diffmix.core.registry.*;
import io.diffmix.core.spi.*;
import java.nio.file.Path;
import java.util.*;

/** Samples a saved model `reps` times in this JVM, as `diffmix sample` does, and prints each wall time. */
public class SampleTime {
  public static void main(String[] a) throws Exception {
    Registry reg = Registry.load(List.of(), m -> {});
    SavedModels.Loaded loaded = SavedModels.load(Path.of(a[0]), reg);
    int count = Integer.parseInt(a[1]);
    int reps = Integer.parseInt(a[2]);
    var config = loaded.provenance().path("config");
    Schedule schedule = ExperimentSpec.<ScheduleFactory<?>, Schedule>component(config.get("schedule"),
        Family.SCHEDULE, "schedule", "ve", "model", reg, Set.of()).instance();
    var sampler = ExperimentSpec.<SamplerFactory<?>, Sampler>component(config.get("sampler"), Family.SAMPLER,
        "sampler", "paper-ve", "model", reg, Set.of("grid"));
    var grid = ExperimentSpec.<GridFactory<?>, TimeGrid>component(config.get("grid"), Family.GRID, "grid",
        "paper", "model", reg, Set.of());
    double[] times = GridCheck.times(grid.instance(), schedule, loaded.moments(), "model");
    StartingPoints start = Prior.at(schedule, times[0], loaded.moments());
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      try (Parallel par = new Parallel(Runtime.getRuntime().availableProcessors())) {
        SamplingRun.run(sampler.instance(), loaded.model(), schedule, times, start, count,
            new RandomStreams(config.path("seed").asLong()).child("sampling"), par);
      }
      System.out.printf(Locale.ROOT, "%d %.4f%n", r, (System.nanoTime() - t0) / 1e9);
    }
  }
}
JAVA
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
javac -d "$TMP" -cp "$CP" "$TMP/SampleTime.java"
: > "$TMP/cold"; : > "$TMP/warm"
for j in $(seq "$RUNS"); do
  "$ROOT/diffmix" sample --model "$OUT/quickstart.dmx" --count 10000 --out "$TMP/s.npy" --quiet \
    | sed -n 's/.* in \([0-9.]*\) s; wrote .*/\1/p' >> "$TMP/cold"
  java -Xmx8g --add-modules jdk.incubator.vector -cp "$TMP:$CP" SampleTime "$OUT/quickstart.dmx" 10000 6 > "$TMP/jvm"
  awk '$1 >= 3 { print $2 }' "$TMP/jvm" | median >> "$TMP/warm"
done
[ "$(wc -l < "$TMP/cold")" -eq "$RUNS" ] || { echo "sample-vs-numpy: diffmix sample printed no time" >&2; exit 1; }
cold=$(median < "$TMP/cold"); warm=$(median < "$TMP/warm")
echo "diffmix cold, each run (s): $(tr '\n' ' ' < "$TMP/cold")"
echo "diffmix warm, each JVM (s): $(tr '\n' ' ' < "$TMP/warm")"
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 "$ROOT/scripts/numpy_paper_ve.py" "$OUT/quickstart.dmx" 10000 "$RUNS" \
    | tee "$TMP/numpy.log" | sed 's/^/  /'
  np=$(awk '{ print $4 }' "$TMP/numpy.log" | median)
else
  echo "# numpy: /usr/bin/python3 has no numpy; the ratios are skipped" >&2
  np=""
fi
printf '%-14s %10s %12s\n' "10,000 points" "seconds" "x numpy"
for row in "diffmix cold:$cold" "diffmix warm:$warm" "numpy:$np"; do
  name="${row%%:*}"; s="${row#*:}"
  [ -n "$s" ] || continue
  ratio="-"
  [ -n "$np" ] && [ "$name" != numpy ] && ratio=$(awk -v a="$np" -v b="$s" 'BEGIN { printf "%.2f", a / b }')
  printf '%-14s %10.3f %12s\n' "$name" "$s" "$ratio"
done

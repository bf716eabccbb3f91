#!/usr/bin/env bash
# `compare --engine spark` on a real Spark standalone cluster on this machine (issue 17, point 6):
#   1. a Spark home made of the spark module's copies of Spark 4.0.1's jars (plus Spark's own Guava, which its
#      distribution ships and Maven does not pass on), started as a master and two workers of one core each, all
#      bound to 127.0.0.1, through Spark's own launcher (bin/spark-class, as the distribution runs it);
#   2. the README's "Running on a cluster" command, submitted with that home's bin/spark-submit, with the
#      third-party example plugin (pf-midpoint) shipped by --jars;
#   3. one worker killed with SIGKILL once some rows are written and before the grid ends.
# Passes when the job finishes, results.jsonl has every cell and seed once, table.csv is byte-identical to the
# local engine's, and the surviving executor fetched the plugin jar and ran its rows.
# Everything it starts it stops again by process id; its Spark files live in a temporary folder that it removes.
# The whole check is bounded by CHECK_SPARK_SECONDS (default 300); each phase gets what is left of it.
# Usage: scripts/check-spark-cluster.sh   (CHECK_SPARK_KEEP=DIR keeps a copy of the logs, work dirs and outputs)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
START=$SECONDS
DEADLINE=$((SECONDS + ${CHECK_SPARK_SECONDS:-300}))
# Seconds left before the deadline, at least 1 (timeout 0 would mean no bound at all).
left() { local s=$((DEADLINE - SECONDS)); [ "$s" -gt 0 ] && echo "$s" || echo 1; }
fail() { echo "FAIL $*"; exit 1; }
say() { printf '%4ds  %s\n' $((SECONDS - START)) "$*"; }

command -v pgrep > /dev/null || fail "pgrep (procps) is needed to find the workers' executors"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/diffmix-spark-cluster.XXXXXX")"
PIDS=()  # every process this script started (and the executors of its workers), stopped on exit
WORKER_PIDS=()
JAR=diffmix-midpoint-plugin-1.0.0.jar
ADDED_JAR=false
cleanup() {
  local status=$? pid
  for pid in "${WORKER_PIDS[@]+"${WORKER_PIDS[@]}"}"; do PIDS+=($(pgrep -P "$pid" || true)); done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=false
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.2
  done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ] && [ -d "$TMP/logs" ]; then
    echo "--- last lines of the logs ---"
    for f in "$TMP"/logs/*.log; do echo "== $(basename "$f")"; tail -n 15 "$f"; done
  fi
  $ADDED_JAR && rm -f "plugins/$JAR"
  if [ -n "${CHECK_SPARK_KEEP:-}" ]; then
    rm -rf "$CHECK_SPARK_KEEP" && cp -r "$TMP" "$CHECK_SPARK_KEEP" && echo "kept the run's files in $CHECK_SPARK_KEEP"
  fi
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$TMP/logs"

# --- 1. the builds: the spark module (only when a source is newer than its jar) and the example plugin ---
ALL_JAR=spark/target/diffmix-spark-all.jar
if [ ! -f "$ALL_JAR" ] || [ ! -d spark/target/lib ] || [ ! -d cli/target/lib ] || [ -n "$(find pom.xml core schedules \
    samplers regression-plugins cli spark \( -name pom.xml -o -path '*/src/main/*' \) -newer "$ALL_JAR" -print -quit)" ]; then
  say "building the spark module (mvn -B -pl spark -am package -DskipTests)"
  timeout "$(left)" mvn -B -q -Dstyle.color=never -pl spark -am package -DskipTests > "$TMP/logs/build.log" 2>&1 \
    || fail "the build failed (see above)"
fi
# The plugin as a third party builds it (examples/third-party-plugin), compiled here against core's jar alone, so
# that nothing is installed into the local Maven repository. plugins/ holds it for both engines, as the README says;
# a jar that was there already is used as it is.
if [ ! -f "plugins/$JAR" ]; then
  P="$TMP/plugin"
  mkdir -p "$P/classes" plugins
  javac --release 17 -nowarn -d "$P/classes" -cp "$(ls core/target/diffmix-core-*-SNAPSHOT.jar | grep -v tests)" \
    $(find examples/third-party-plugin/src/main/java -name '*.java')
  cp -r examples/third-party-plugin/src/main/resources/. "$P/classes/"
  printf 'Implementation-Title: diffmix midpoint plugin (example)\nImplementation-Version: 1.0.0\n' > "$P/manifest"
  ADDED_JAR=true
  jar --create --file "plugins/$JAR" --manifest "$P/manifest" -C "$P/classes" .
fi

# --- 2. a Spark home: what a Spark 4.0.1 distribution has in jars/, and its bin/spark-class and bin/spark-submit ---
export SPARK_HOME="$TMP/spark"
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/bin" "$SPARK_HOME/conf"
# spark/target/lib is Spark's tree plus diffmix's jars and cli's own dependencies; a distribution has only the first.
for j in spark/target/lib/*.jar; do
  name="$(basename "$j")"
  case "$name" in diffmix-*) continue ;; esac
  [ -f "cli/target/lib/$name" ] && continue
  ln -s "$ROOT/$j" "$SPARK_HOME/jars/$name"
done
# Spark's distribution ships its own Guava (spark-core declares it provided, so Maven leaves it out): the version
# of Spark 4.0.1's build, which is the Guava the executors see first.
for a in com.google.guava:guava:33.4.0-jre com.google.guava:failureaccess:1.0.2; do
  timeout "$(left)" mvn -B -q -N -Dstyle.color=never dependency:copy -Dartifact="$a" \
    -DoutputDirectory="$SPARK_HOME/jars" > "$TMP/logs/guava.log" 2>&1 || fail "could not copy $a"
done
# bin/spark-class as the distribution's: Spark's launcher prints the java command (class path $SPARK_HOME/jars,
# memory, Java 17 module flags), NUL-separated, and the script runs it in its own place.
cat > "$SPARK_HOME/bin/spark-class" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
export SPARK_HOME="$(cd "$(dirname "$0")/.." && pwd)"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"  # as the distribution's bin/load-spark-env.sh
# The launcher prints a line holding a NUL (an empty line to bash), then the command, one NUL after each word.
CMD=()
DELIM=$'\n'
while IFS= read -r -d "$DELIM" ARG; do
  if [ "$DELIM" = '' ]; then CMD+=("$ARG"); elif [ -z "$ARG" ]; then DELIM=''; else echo "$ARG"; fi
done < <(java -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"; printf '%d\0' $?)
[ "${#CMD[@]}" -gt 0 ] || exit 1
rc="${CMD[${#CMD[@]}-1]}"
unset 'CMD[${#CMD[@]}-1]'
[ "$rc" = 0 ] || exit "$rc"
exec "${CMD[@]}"
EOF
cat > "$SPARK_HOME/bin/spark-submit" <<'EOF'
#!/usr/bin/env bash
exec "$(dirname "$0")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
EOF
chmod +x "$SPARK_HOME/bin/spark-class" "$SPARK_HOME/bin/spark-submit"
# Spark's scratch folders (its local dirs) in the temporary folder too, so that a killed worker leaves nothing behind;
# and the launcher writes each java command it runs at the top of that process's log.
export SPARK_CONF_DIR="$SPARK_HOME/conf" SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$TMP/scratch" \
  SPARK_PRINT_LAUNCH_COMMAND=1
say "Spark home: $(ls "$SPARK_HOME/jars" | wc -l) jars ($(cd "$SPARK_HOME/jars" && ls spark-core_* guava-* jackson-databind-* | paste -sd " " -))"

# --- 3. the grid: the example's two samplers, cells of a few seconds, enough seeds to outlast a kill ---
GRID="$TMP/midpoint-vs-heun.json"
cat > "$GRID" <<'EOF'
{
  "base": {
    "seed": 7,
    "target":   {"type": "gaussian-mixture", "weights": [0.5, 0.3, 0.2],
                 "means": [[0, 0], [5, 0], [0, 5]], "sigma0": 1.0},
    "train": 5000, "reference": 4000, "generate": 12000,
    "schedule": {"type": "ve"},
    "grid":     {"type": "paper", "kappa": 0.01, "t1": 0.001},
    "learner":  {"type": "exact"},
    "metrics":  ["mmd", "moment-error"],
    "oracle":   false
  },
  "axes": {
    "sampler.type": ["pf-midpoint", "pf-heun"]
  },
  "seeds": 6
}
EOF
TOTAL=12

# --- 4. the local engine, for the reference table (its own floor cache, so that the cluster computes its own) ---
say "local engine: ./diffmix compare (2 cells x 6 seeds)"
DIFFMIX_CACHE="$TMP/cache-local" timeout "$(left)" ./diffmix compare "$GRID" --out "$TMP/local" --quiet \
  > "$TMP/logs/local.log" 2>&1 || fail "the local compare failed"
[ "$(wc -l < "$TMP/local/results.jsonl")" -eq "$TOTAL" ] || fail "the local run has not $TOTAL rows"

# --- 5. the cluster: a master and two workers of one core, on the loopback, ports chosen by the system ---
wait_for() {  # wait_for PID FILE PATTERN SECONDS: the first line of FILE that matches, while PID runs
  local pid=$1 until=$((SECONDS + $4)) line
  shift
  while [ $SECONDS -lt $until ] && [ $SECONDS -lt $DEADLINE ] && kill -0 "$pid" 2>/dev/null; do
    line="$(grep -m1 -E "$2" "$1" 2>/dev/null || true)"
    [ -n "$line" ] && { echo "$line"; return 0; }
    sleep 0.2
  done
  return 1
}
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  > "$TMP/logs/master.log" 2>&1 &
MASTER_PID=$!
PIDS+=("$MASTER_PID")
MASTER="$(wait_for "$MASTER_PID" "$TMP/logs/master.log" 'Starting Spark master at spark://' 60 | grep -o 'spark://[0-9.:]*')" \
  || fail "the master did not start"
for i in 1 2; do
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 1536m --work-dir "$TMP/work$i" "$MASTER" > "$TMP/logs/worker$i.log" 2>&1 &
  WORKER_PIDS+=($!)
  PIDS+=($!)
done
for i in 1 2; do
  wait_for "${WORKER_PIDS[i-1]}" "$TMP/logs/worker$i.log" 'Successfully registered with master' 60 > /dev/null \
    || fail "worker $i did not register with the master"
done
say "cluster: master $MASTER (pid $MASTER_PID), workers pid ${WORKER_PIDS[*]}, 1 core each"

# --- 6. the README's command, in the repository, with the plugins of plugins/ shipped by --jars ---
say "spark-submit, as in the README (--jars $(ls plugins/*.jar | paste -sd, -))"
(
  export PATH="$SPARK_HOME/bin:$PATH" DIFFMIX_CACHE="$TMP/cache-cluster"
  # the same spark-submit as the README's; the last two --conf only keep this check to itself: the executors' floor
  # cache in the temporary folder, and no web UI on a port that another run may hold
  exec timeout "$(left)" spark-submit \
    --master "$MASTER" \
    --class io.diffmix.cli.Diffmix \
    --jars "$(ls plugins/*.jar | paste -sd, -)" \
    --conf spark.executorEnv.OPENBLAS_NUM_THREADS=1 \
    --conf spark.executorEnv.DIFFMIX_CACHE="$TMP/cache-cluster" --conf spark.ui.enabled=false \
    spark/target/diffmix-spark-all.jar \
    compare "$GRID" --out "$TMP/cluster" --engine spark
) > "$TMP/logs/driver.log" 2>&1 &
DRIVER_PID=$!
PIDS+=("$DRIVER_PID")

# --- 7. SIGKILL to worker 1 once two rows are written; its executor must go with it, and the job must go on ---
rows() { cat "$TMP/cluster/results.jsonl" 2>/dev/null | wc -l; }
while [ "$(rows)" -lt 2 ]; do
  kill -0 "$DRIVER_PID" 2>/dev/null || fail "the driver ended before two rows were written"
  [ $SECONDS -lt $DEADLINE ] || fail "no two rows before the deadline"
  sleep 0.1
done
EXECUTORS="$(pgrep -P "${WORKER_PIDS[0]}" -f CoarseGrainedExecutorBackend || true)"
[ -n "$EXECUTORS" ] || fail "worker 1 has no executor when two rows are written"
kill -KILL "${WORKER_PIDS[0]}"
{ wait "${WORKER_PIDS[0]}"; } 2>/dev/null || true
AT_KILL="$(rows)"
[ "$AT_KILL" -lt "$TOTAL" ] || fail "the grid ended before the kill"
for pid in $EXECUTORS; do PIDS+=("$pid"); done
say "SIGKILL to worker 1 (pid ${WORKER_PIDS[0]}, its executor pid $(echo $EXECUTORS)) with $AT_KILL of $TOTAL rows written"
gone=false
for _ in $(seq 150); do
  alive=false
  for pid in $EXECUTORS; do kill -0 "$pid" 2>/dev/null && alive=true; done
  $alive || { gone=true; break; }
  sleep 0.2
done
$gone || fail "the executor of the killed worker is still running 30 s later"

driver_status=0
wait "$DRIVER_PID" || driver_status=$?
[ "$driver_status" -eq 0 ] || fail "spark-submit exited with $driver_status"
grep -q 'ERROR TaskSchedulerImpl: Lost executor' "$TMP/logs/driver.log" || fail "the driver did not lose an executor"
say "the job finished: $(rows) rows; the driver lost an executor and ran again $(grep -c -E \
  'Starting task [0-9]+\.[1-9]' "$TMP/logs/driver.log" || true) task(s) that were running on it"

# --- 8. the checks ---
keys() { sed -E 's/^(\{"cell":\{[^}]*\},"seed":[0-9]+),.*/\1/' "$1" | sort; }
[ "$(rows)" -eq "$TOTAL" ] || fail "results.jsonl has $(rows) rows, not $TOTAL"
[ -z "$(keys "$TMP/cluster/results.jsonl" | uniq -d)" ] || fail "a cell and seed appears twice in results.jsonl"
[ "$(keys "$TMP/cluster/results.jsonl")" = "$(keys "$TMP/local/results.jsonl")" ] \
  || fail "the cluster's cells and seeds are not the local run's"
[ "$(grep -c '"status":"ok"' "$TMP/cluster/results.jsonl")" -eq "$TOTAL" ] || fail "a row is not ok"
echo "ok   results.jsonl: $TOTAL rows, every cell and seed once, all ok"
cmp "$TMP/local/table.csv" "$TMP/cluster/table.csv" || fail "table.csv differs from the local engine's"
echo "ok   table.csv byte-identical to the local engine's ($(sha256sum < "$TMP/cluster/table.csv" | cut -c1-16))"
midpoint="$(grep -c '"cell":{"sampler.type":"pf-midpoint"},"seed":[0-9]*,"config_sha256":"[0-9a-f]*","status":"ok"' \
  "$TMP/cluster/results.jsonl" || true)"
[ "$midpoint" -eq $((TOTAL / 2)) ] || fail "$midpoint pf-midpoint rows are ok, not $((TOTAL / 2))"
fetched=0
for f in "$TMP"/work2/app-*/*/stderr; do
  grep -q "Fetching spark://.*/jars/$JAR" "$f" && grep -q "Adding file:.*$JAR to class loader" "$f" \
    && fetched=$((fetched + 1))
done
[ "$fetched" -ge 1 ] || fail "worker 2's executor did not fetch $JAR (see $TMP/work2)"
echo "ok   the surviving executor fetched $JAR and added it to its class loader; $midpoint pf-midpoint rows ok"
# Spark's Java 17 module flags (and the Vector API's module) in the driver's command and in the executors'
for log in driver worker2; do
  for flag in --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-modules=jdk.incubator.vector; do
    grep -E 'Spark Command:|Launch command:' "$TMP/logs/$log.log" | grep -q -- "$flag" \
      || fail "the $log log shows no java command with $flag"
  done
done
echo "ok   the driver's and the executors' java commands have Spark's --add-opens and --add-modules=jdk.incubator.vector"
say "ok"

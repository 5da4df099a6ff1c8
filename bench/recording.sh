#!/usr/bin/env bash
# bench/recording.sh - what recording costs (Issue 20), measured on target/echolab.jar:
#   1. echo throughput of `serve` under the C load client (bench/echoload.c): without events,
#      with --watch-events (events built and taken off the bus, as the window does) and with
#      --record; RUNS runs of each, alternated, each server fresh and warmed up first;
#   2. CPU of an idle `serve` over IDLE seconds, without and with --record (from /proc/PID/stat);
#   3. bytes per event on disk, from the recordings of step 1 (record-info counts their events).
# Every figure is printed with the load average beside it: on a shared machine they are noisy.
# Usage: bench/recording.sh [RUNS] [ROUNDS] [IDLE_SECONDS]   (Linux, gcc; after ./mvnw package)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/target/echolab.jar
RUNS=${1:-3}
ROUNDS=${2:-20000}
IDLE=${3:-30}
CONNS=8
TMP=$(mktemp -d)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -q -DskipTests package first" >&2; exit 2; }
gcc -O2 -Wall -pthread -o "$TMP/echoload" "$ROOT/bench/echoload.c"
load() { cut -d' ' -f1-3 /proc/loadavg; }

start() { # $1: extra options; sets SERVER and PORT
  # shellcheck disable=SC2086
  java -jar "$JAR" serve --mode threads --port 0 --race-window-us 0 --protection none $1 \
    > "$TMP/out" 2> "$TMP/err" < /dev/null &
  SERVER=$!
  PORT=
  for _ in $(seq 1 150); do
    PORT=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$TMP/err" | head -1)
    [ -n "$PORT" ] && return 0
    sleep 0.2
  done
  echo "serve did not say where it listens: $(cat "$TMP/err")" >&2; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" || true; SERVER=; }
rt_per_s() { "$TMP/echoload" -T 120 127.0.0.1 "$PORT" $CONNS "$1" 64 | sed -n 's/.* rt_per_s=\([0-9.]*\).*/\1/p'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "# echo throughput, serve --mode threads, $CONNS connections x $ROUNDS lines of 64 bytes"
echo "# off: no subscriber, so no event is even built; watch: --watch-events, every event built and taken"
echo "# off the bus as the window does; record: --record FILE"
declare -A SUM=([off]=0 [watch]=0 [record]=0)
for run in $(seq 1 "$RUNS"); do
  for cfg in off watch record; do
    case $cfg in off) opts="" ;; watch) opts="--watch-events" ;; record) opts="--record $TMP/run$run.jsonl.gz" ;; esac
    start "$opts"
    rt_per_s 2000 > /dev/null   # warm-up: the JIT compiles the hot paths
    rt=$(rt_per_s "$ROUNDS")
    stop
    echo "run $run $cfg: $rt echoes/s   [load $(load)]"
    SUM[$cfg]=$(echo "${SUM[$cfg]} + $rt" | bc -l)
  done
done
printf 'mean: off %.0f, watch %.0f, record %.0f echoes/s   [load %s]\n' "$(echo "${SUM[off]} / $RUNS" | bc -l)" \
  "$(echo "${SUM[watch]} / $RUNS" | bc -l)" "$(echo "${SUM[record]} / $RUNS" | bc -l)" "$(load)"
printf 'recording costs %.1f%% of the throughput of a server whose events are watched, %.1f%% of one with no events\n' \
  "$(echo "(1 - ${SUM[record]} / ${SUM[watch]}) * 100" | bc -l)" "$(echo "(1 - ${SUM[record]} / ${SUM[off]}) * 100" | bc -l)"

echo "# bytes per event on disk"
for f in "$TMP"/run*.jsonl.gz; do
  info=$(java -jar "$JAR" record-info "$f" | head -1)
  events=$(echo "$info" | sed -n 's/.*: \([0-9]*\) events.*/\1/p')
  dropped=$(java -jar "$JAR" record-info "$f" | sed -n 's/^\([0-9]*\) events were dropped.*/\1/p')
  size=$(stat -c %s "$f")
  printf '%s: %d events, %d bytes: %.1f bytes/event, %s dropped\n' "$(basename "$f")" "$events" "$size" \
    "$(echo "$size / $events" | bc -l)" "${dropped:-0}"
done

echo "# idle: CPU of serve over $IDLE s, no client"
hz=$(getconf CLK_TCK)
for rec in off watch on; do
  case $rec in off) opts="" ;; watch) opts="--watch-events" ;; on) opts="--record $TMP/idle.jsonl.gz" ;; esac
  start "$opts"
  sleep 5   # past the start-up
  t0=$(cpu_ticks "$SERVER")
  sleep "$IDLE"
  t1=$(cpu_ticks "$SERVER")
  stop
  printf 'record=%s: %.2f%% of a core   [load %s]\n' $rec "$(echo "($t1 - $t0) * 100 / $hz / $IDLE" | bc -l)" "$(load)"
done

#!/usr/bin/env bash
# bench/anchors.sh - EchoLab's server side by side with reference echo servers, in one run (Issue 5).
#
#   bash bench/anchors.sh                        from anywhere; no argument
#   REPS=5 POOL_SIZE=8 bash bench/anchors.sh
#   SERVERS="c-thread echolab-pool50-off" REPS=1 bash bench/anchors.sh
#
# The reference servers ("anchors": fixed points to measure EchoLab against) and the load client
# are part of the repository, a job per file:
#   bench/echoload.c                 the load client: one thread, epoll, CONNS connections in
#                                    ping-pong (or -c: a new connection per round trip), every
#                                    byte checked, one key=value line out (its header says which)
#   bench/reference/echo_thread.c    c-thread: C, a thread per connection
#   bench/reference/echo_epoll.c     c-epoll: C, one thread, epoll
#   bench/reference/JavaEcho.java    java-thread: plain Java, a thread per connection (java.net
#                                    sockets): what Java's blocking sockets reach with no server
#                                    around them
#   bench/reference/netty/           netty-nio: a Netty 4 echo on NIO (Netty from Maven Central)
# All of them echo bytes as they come, with no printing per line, no lock, no counter. The
# servers of examples/servers/ are teaching servers (threads.c sleeps 200 us under a mutex for
# every message and prints every total): they show bugs, they are not throughput references.
#
# What it does, in order:
#   1. builds the load client and the reference servers into a temporary directory (gcc -O2
#      -Wall -Wextra -pthread; javac; mvn compile of a copy of bench/reference/netty, which
#      fetches Netty from Maven Central the first time, then works offline); nothing is written
#      into the repository but bench/results/. Builds target/echolab.jar if it is missing.
#   2. starts every server pinned to CPU 0 (client and server share one vCPU; unpinned runs on
#      this 2-vCPU box are bimodal), waits until each echoes a probe, and gives each the same
#      discarded warm-up (the JITs need it).
#   3. REPS rounds; in each round every server in turn (the order rotates from round to round)
#      runs workload (a) 1 x 20000 x 64 B and (b) 50 x 2000 x 64 B with the load client (one
#      epoll thread, every byte verified), also pinned to CPU 0.
#   4. stops every server by the PID it started (SIGTERM, then SIGKILL after 10 s) and writes
#      raw.txt, table.md, machine.txt and the server logs to bench/results/<timestamp>/.
#
# Why interleave rounds instead of "one server, all its repetitions, next server":
# this machine is shared (builds and tests run beside us), and the load of the other core
# comes and goes. With rounds, each EchoLab row and its reference are measured minutes
# apart at most, seconds apart usually, and the per-round ratios pair runs made under the
# same conditions. The servers that wait are frozen with SIGSTOP and thawed with SIGCONT for
# their turn: idle is not free (each --watch-events server's drain thread wakes every 1 ms,
# ~2% of a CPU, and three of them measurably slowed everybody on CPU 0). INTERLEAVE=0 runs
# one server at a time, all its rounds, then the next, for comparison.
#
# Pool size: POOL_SIZE=50 by default, one worker per connection of workload (b). That is the
# fair comparison with echo_thread, which gives every connection its own thread: the same
# number of threads blocked in read, the same scheduling, every client served from the first
# second, so the ratio measures the implementation and not a different policy. A pool of 8
# serves (b) as 8 at a time while 42 connections wait in the queue: its RT/s is comparable but
# its latency profile (tiny p50, max ~1.4 s) is another design.
#
# All EchoLab servers run with --race-window-us 0 --protection none (the 50 us default is a
# teaching knob spent on every echo) and either --no-events (events off) or --watch-events
# (events on: a drain thread takes every event off the bus, what the window costs).
#
# Safety: 127.0.0.1 only (every reference server binds the loopback only); every process
# started here is remembered by PID and killed on exit (trap), the build directory is removed.
# Never called by .ci/run: this is a manual benchmark.
#
# Runtime: 2-3 minutes here with the defaults (10 servers, REPS=3), builds included once
# Maven has the Netty jars; the first run adds ~10-30 s to fetch them, and ~30 s more if
# target/echolab.jar has to be built. Each extra round adds ~15 s. Every load run is bounded by
# echoload -T LIMIT (60 s) and timeout LIMIT+10, so a stalled server costs at most 70 s per
# run, and is reported.
set -euo pipefail
[ $# = 0 ] || { echo "usage: [REPS=N] [SERVERS=...] bash bench/anchors.sh   (no argument: everything it runs is in bench/)" >&2; exit 2; }
cd "$(dirname "$0")/.."            # repository root
ROOT=$PWD

REPS=${REPS:-3}
POOL_SIZE=${POOL_SIZE:-50}
LIMIT=${LIMIT:-60}                 # seconds per load run (echoload -T); timeout(1) at LIMIT+10
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-javac}
JAVA_OPTS=${JAVA_OPTS:-}           # extra JVM flags for every Java server (default none)
BASEPORT=${BASEPORT:-19400}        # C and Java reference servers take free ports from here; EchoLab uses --port 0
INTERLEAVE=${INTERLEAVE:-1}
SERVERS=${SERVERS:-"c-thread c-epoll netty-nio java-thread
  echolab-threads-off echolab-threads-on
  echolab-pool$POOL_SIZE-off echolab-pool$POOL_SIZE-on
  echolab-events-off echolab-events-on"}
PIN="taskset -c 0"                 # server and client: placement "same"
JAR=${JAR:-$ROOT/target/echolab.jar}   # another build to measure: JAR=/path/to/echolab.jar
REF=$ROOT/bench/reference

# the two workloads of Issue 5, as echoload arguments after "host port"
SCEN_a="1 20000 64"                # ping-pong, reference
SCEN_b="50 2000 64"                # the target workload

OUT=$ROOT/bench/results/$(date +%Y%m%d-%H%M%S)
BUILD=$(mktemp -d "${TMPDIR:-/tmp}/echolab-anchors.XXXXXX")
mkdir -p "$OUT/logs"
RAW=$OUT/raw.txt
: > "$RAW"
T_START=$(date +%s)

log() { echo "[$(( $(date +%s) - T_START ))s] $*" >&2; }

# ---------------------------------------------------------------- cleanup
declare -A PID=() PORT=()           # server name -> PID we started / port it listens on
CPID=""                             # the load client running now, if any
cleanup() {
  trap - EXIT INT TERM HUP
  if [ -n "$CPID" ] && kill -0 "$CPID" 2>/dev/null; then kill "$CPID" 2>/dev/null || true; wait "$CPID" 2>/dev/null || true; fi
  local sv
  for sv in "${!PID[@]}"; do stop_server "$sv"; done
  rm -rf "$BUILD"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM
trap 'log "hangup"; exit 129' HUP

# ---------------------------------------------------------------- build
mkdir -p "$BUILD/bin" "$BUILD/java"
log "building echoload, echo_thread, echo_epoll (gcc) in $BUILD"
gcc -O2 -Wall -Wextra -pthread -o "$BUILD/bin/echoload" "$ROOT/bench/echoload.c"
for f in echo_thread echo_epoll; do
  gcc -O2 -Wall -Wextra -pthread -o "$BUILD/bin/$f" "$REF/$f.c"
done
LOAD=$BUILD/bin/echoload
log "building the plain Java echo (javac)"
"$JAVAC" -d "$BUILD/java" "$REF/JavaEcho.java"
log "building the Netty echo (mvn -B -q compile in a copy of bench/reference/netty)"
cp -r "$REF/netty" "$BUILD/netty"
rm -rf "$BUILD/netty/target"
(cd "$BUILD/netty" && mvn -B -q compile) > "$OUT/logs/build-netty.log" 2>&1 \
  || { cat "$OUT/logs/build-netty.log" >&2; exit 1; }
NETTY_CP="$BUILD/netty/target/classes:$BUILD/netty/target/lib/*"
if [ ! -f "$JAR" ]; then
  log "building target/echolab.jar (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests > "$OUT/logs/build-echolab.log" 2>&1 \
    || { cat "$OUT/logs/build-echolab.log" >&2; exit 1; }
elif [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  # measuring yesterday's jar is the classic benchmarking mistake; we do not rebuild on our own
  # (a build would run beside the measurements of whoever else uses the machine), we say so
  log "WARNING: src/ or pom.xml is newer than target/echolab.jar: run mvn package -DskipTests first"
fi

# ---------------------------------------------------------------- servers
# a server's command line; echolab-MODE[N]-off|on -> serve (N: pool size, events off or on)
server_cmd() {   # name port
  case $1 in
    c-thread)  echo "$BUILD/bin/echo_thread $2" ;;
    c-epoll)   echo "$BUILD/bin/echo_epoll $2" ;;
    netty-nio) echo "$JAVA $JAVA_OPTS -cp $NETTY_CP NettyEcho $2" ;;
    java-thread) echo "$JAVA $JAVA_OPTS -cp $BUILD/java JavaEcho $2" ;;
    echolab-*)
      local rest=${1#echolab-} ev mode size=""
      ev=${rest##*-}; mode=${rest%-*}
      case $ev in off) ev=--no-events ;; on) ev=--watch-events ;; *) echo "bad name $1" >&2; return 1 ;; esac
      if [[ $mode =~ ^pool([0-9]+)$ ]]; then size="--pool-size ${BASH_REMATCH[1]}"; mode=pool; fi
      case $mode in threads|pool|events) ;; *) echo "bad mode in $1" >&2; return 1 ;; esac
      echo "$JAVA $JAVA_OPTS -jar $JAR serve --mode $mode $size --port 0 $ev --race-window-us 0 --protection none" ;;
    *) echo "unknown server $1" >&2; return 1 ;;
  esac
}

# extra key=value fields on each raw line: which reference an EchoLab row is compared with
row_tags() {
  case $1 in
    echolab-events-*)  echo "ref=netty-nio events=${1##*-}" ;;
    echolab-*)         echo "ref=c-thread events=${1##*-}" ;;
    java-thread)       echo "ref=c-thread events=-" ;;   # plain Java's floor, no target of its own
    *)                 echo "ref=- events=-" ;;
  esac
}

NEXTPORT=$BASEPORT
free_port() {    # -> FREE: a port nobody listens on (the reference servers need one up front)
  while ss -Htln "sport = :$NEXTPORT" | grep -q .; do NEXTPORT=$((NEXTPORT + 1)); done
  FREE=$NEXTPORT; NEXTPORT=$((NEXTPORT + 1))
}

start_server() { # name -> PID[name], PORT[name]; returns 1 if it does not come up
  local sv=$1 port cmd lg=$OUT/logs/$1.log
  case $sv in echolab-*) port=0 ;; *) free_port; port=$FREE ;; esac
  cmd=$(server_cmd "$sv" "$port") || return 1
  echo "$PIN $cmd" > "$lg.cmd"
  # stdin from /dev/null: EchoLab's serve ignores the end of stdin; we stop it with SIGTERM
  # shellcheck disable=SC2086
  $PIN $cmd > "$lg" 2>&1 < /dev/null &
  PID[$sv]=$!
  if [ "$port" = 0 ]; then   # EchoLab picked a free port: read it from "listening on 127.0.0.1:PORT"
    local i
    for i in $(seq 1 150); do
      port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$lg" | head -1)
      [ -n "$port" ] && break
      kill -0 "${PID[$sv]}" 2>/dev/null || break
      sleep 0.2
    done
    [ -n "$port" ] || { log "$sv: no 'listening on' line (see $lg)"; return 1; }
  fi
  PORT[$sv]=$port
  local ok=0
  for _ in $(seq 1 100); do  # up to ~20 s until it answers one echo
    if "$LOAD" -T 2 127.0.0.1 "$port" 1 1 16 > /dev/null 2>&1; then ok=1; break; fi
    kill -0 "${PID[$sv]}" 2>/dev/null || break
    sleep 0.2
  done
  # still alive after the probe: the answer came from our server, not from someone else's
  if [ $ok != 1 ] || ! kill -0 "${PID[$sv]}" 2>/dev/null; then log "$sv did not come up (see $lg)"; return 1; fi
  log "$sv: pid ${PID[$sv]} port $port"
  freeze "$sv"
}

# a server that waits for its turn takes no CPU at all (interleaved rounds only)
freeze() { [ "$INTERLEAVE" = 1 ] && kill -STOP "${PID[$1]}" 2>/dev/null || true; }
thaw()   { kill -CONT "${PID[$1]}" 2>/dev/null || true; }

stop_server() { # name: SIGTERM our PID, SIGKILL after 10 s; EchoLab prints its summary on SIGTERM
  local sv=$1 pid=${PID[$1]:-} rc=0
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -CONT "$pid" 2>/dev/null || true   # a frozen process would not act on SIGTERM
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then log "$sv (pid $pid) ignored SIGTERM for 10 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || rc=$?
  echo "exit status $rc" >> "$OUT/logs/$sv.log.cmd"
  case $sv in echolab-*)   # keep the server's own books (echoed, eventsDropped, ...) for the table
    local s; s=$(grep '"type":"summary"' "$OUT/logs/$sv.log" | tail -1 || true)
    [ -n "$s" ] && echo "server=$sv $s" >> "$OUT/summaries.txt" ;;
  esac
  unset "PID[$sv]"
}

# CPU time (seconds) of a process, all its threads, dead ones included
proc_cpu() { awk -v hz="$HZ" '{ sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU time (seconds) of this shell's waited-for children (the load clients) -> KIDS; `times`
# must run in this shell, not in $(...), whose fork starts from zero
kids_cpu() {
  times > "$BUILD/times"
  KIDS=$(awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } printf "%.3f", n }' "$BUILD/times")
}
HZ=$(getconf CLK_TCK)

# one bounded load run, pinned like the server -> LINE: echoload's line (or a failure line),
# plus cpu0_share: the CPU time server and client got during the run / its wall time. Both run
# on CPU 0 only, so near 1.0 means they had CPU 0 to themselves and much lower means something
# else ran there (this machine is shared): the per-run measure of the noise.
# Not called in $(...): the client must be a child of this shell, so that the trap can kill it.
load() {   # echoload arguments; the server is SPID_NOW
  local t0 t1 s0 s1 c0 c1
  t0=$(date +%s%N); s0=$(proc_cpu "$SPID_NOW"); kids_cpu; c0=$KIDS
  # shellcheck disable=SC2086
  timeout $((LIMIT + 10)) $PIN "$LOAD" -T "$LIMIT" "$@" > "$BUILD/line" 2>> "$OUT/logs/echoload.err" &
  CPID=$!
  wait "$CPID" || true   # non-zero on errors or timeout: the line (or its absence) says which
  CPID=""
  t1=$(date +%s%N); s1=$(proc_cpu "$SPID_NOW"); kids_cpu; c1=$KIDS
  LINE=$(cat "$BUILD/line")
  [ -n "$LINE" ] || LINE="mode=failed rt_per_s=0 MB_per_s=0 p50_us=0 p99_us=0 max_us=0 mismatches=0 connect_failures=0 io_errors=1 incomplete=1"
  LINE="$LINE cpu0_share=$(awk -v s="$s1" -v S="$s0" -v c="$c1" -v C="$c0" -v w=$((t1 - t0)) \
    'BEGIN { printf "%.2f", (s - S + c - C) / (w / 1e9) }')"
}

warm_up() {      # the same for every server, discarded: ping-pong, 20 connections, churn
  local p=${PORT[$1]}
  SPID_NOW=${PID[$1]}
  thaw "$1"
  load 127.0.0.1 "$p" 1 20000 64
  load 127.0.0.1 "$p" 20 2000 64
  load -c 127.0.0.1 "$p" 10 200 64
  freeze "$1"
}

measure() {      # name rep -> two raw lines
  local sv=$1 rep=$2 p=${PORT[$1]} sc var
  SPID_NOW=${PID[$1]}
  thaw "$sv"
  if [ "$INTERLEAVE" = 1 ]; then
    # a short discarded run first: the server was frozen while the others were measured, and
    # its timed waits all fire at once when it is thawed
    sleep 0.1
    load 127.0.0.1 "$p" 1 2000 64
  fi
  for sc in a b; do
    var=SCEN_$sc
    # shellcheck disable=SC2086
    load 127.0.0.1 "$p" ${!var}
    echo "placement=same server=$sv scenario=$sc rep=$rep $(row_tags "$sv") $LINE" | tee -a "$RAW" >&2
  done
  freeze "$sv"
}

# ---------------------------------------------------------------- machine
{
  echo "date: $(date -u +%FT%TZ)"
  echo "cpus: $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
  echo "os: $(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-}"), $(uname -s) $(uname -r)"
  echo "gcc: $(gcc -dumpfullversion)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)  JAVA_OPTS: ${JAVA_OPTS:-(none)}"
  echo "netty: $(ls "$BUILD/netty/target/lib" | sed -n 's/^netty-transport-\(4[.0-9]*Final\)\.jar$/\1/p') (NIO)"
  echo "echolab: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo ' (src modified)')  jar: $JAR ($(date -r "$JAR" -u +%FT%TZ))"
  echo "placement: same (server and client: $PIN)  reps: $REPS  interleave: $INTERLEAVE  pool size: $POOL_SIZE"
  echo "servers: $(echo $SERVERS)"
  echo "load average at start: $(cat /proc/loadavg)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---------------------------------------------------------------- run
# how busy each vCPU was while we measured, from /proc/stat: CPU 1 runs none of our servers
# or clients, so its load is (nearly all) somebody else's, i.e. the noise we ran beside
cpu_ticks() { awk '/^cpu[0-9]/ { busy = $2 + $3 + $4 + $7 + $8 + $9; print $1, busy, busy + $5 + $6 }' /proc/stat; }
CPU_START=$(cpu_ticks)
# rotate the order by one position each round, so that no server is always first or last
order_for() {    # rep -> server names
  local -a s=($SERVERS); local n=${#s[@]} k=$(( ($1 - 1) % ${#s[@]} )) i
  for ((i = 0; i < n; i++)); do echo "${s[(i + k) % n]}"; done
}

declare -A UP=()
if [ "$INTERLEAVE" = 1 ]; then
  for sv in $SERVERS; do
    if start_server "$sv"; then UP[$sv]=1; else stop_server "$sv"; fi
  done
  for sv in $SERVERS; do
    if [ -n "${UP[$sv]:-}" ]; then log "warm-up $sv"; warm_up "$sv"; fi
  done
  for rep in $(seq 1 "$REPS"); do
    log "round $rep of $REPS"
    for sv in $(order_for "$rep"); do
      if [ -n "${UP[$sv]:-}" ]; then measure "$sv" "$rep"; fi
    done
  done
  for sv in $SERVERS; do stop_server "$sv"; done
else
  for sv in $SERVERS; do
    if start_server "$sv"; then
      log "warm-up $sv"; warm_up "$sv"
      for rep in $(seq 1 "$REPS"); do measure "$sv" "$rep"; done
    fi
    stop_server "$sv"
  done
fi

{
  echo "load average at end: $(cat /proc/loadavg)"
  echo "vCPU busy during the measurements (servers and clients on cpu0 only): $(
    { echo "$CPU_START"; cpu_ticks; } | awk '{ if ($1 in b) printf "%s %.0f%%  ", $1, 100 * ($2 - b[$1]) / ($3 - t[$1]); else { b[$1] = $2; t[$1] = $3 } }')"
} >> "$OUT/machine.txt"
WALL=$(( $(date +%s) - T_START ))
echo "wall time: $WALL s" >> "$OUT/machine.txt"
python3 "$ROOT/bench/summarize.py" "$RAW" "$OUT/summaries.txt" "$OUT/machine.txt" > "$OUT/table.md"
cat "$OUT/table.md"
log "done in $WALL s: $OUT"

#!/usr/bin/env bash
# bench/startup.sh - the window's start-up: from launching `java -jar target/echolab.jar` to its
# first frame painted, against a bare JavaFX window (a menu bar and tabs, nothing else) started
# from the same jar the same way.
#
#   ./mvnw -q -o -DskipTests package    # first: target/echolab.jar and target/test-classes
#   bash bench/startup.sh [RUNS]         # RUNS starts of each, 5 by default
#
# Each start runs in a virtual display of its own (xvfb-run, 1600x1000; JavaFX renders in
# software there) with -Decholab.startupProbe=true: the window, once its first frame is painted,
# prints the moment (see echolab.ui.StartupProbe) and closes. The figure is that moment minus the
# moment this script launched `java`, so it includes the JVM's own start. Every start has a fresh,
# empty preferences folder (nothing remembered: the first start of a new user) and listens on a
# free port. Not pinned: the window uses both cores (the JIT and the render thread beside the FX
# thread), as it does when a user starts it. The machine's load average is printed beside the
# figures: start-up is CPU-bound, and a loaded machine shows it.
# Needs xvfb-run (Debian: apt install xvfb xauth).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=${JAR:-target/echolab.jar}   # JAR=... measures another build of the jar
[ -f "$JAR" ] && [ -f target/test-classes/echolab/ui/BareWindowStartup.class ] \
  || { echo "startup.sh: build first: ./mvnw -q -o -DskipTests package" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "startup.sh: needs xvfb-run (Debian: apt install xvfb xauth)" >&2; exit 2; }

prefs=$(mktemp -d)
mkdir -p "$prefs/p"
trap 'rm -rf "$prefs"' EXIT

# one start: prints the milliseconds from launch to the painted frame and the CPU time the JVM
# used in all (user + system, its threads on both cores; it closes right after the frame), or "none"
start() {
  rm -rf "${prefs:?}"/p/* "${prefs:?}"/p/.[!.]* 2>/dev/null || true
  local out
  out=$(xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
      launched=$(date +%s%3N)
      line=$(timeout 60 /usr/bin/time -f "cpu %U %S" -o "$0/../cpu-$$" java -Djava.util.prefs.userRoot="$0" -Decholab.port=0 \
             -Decholab.startupProbe=true "${@}" 2>/dev/null | grep -m1 "^painted after")
      echo "$launched $line $(cat "$0/../cpu-$$" 2>/dev/null | grep ^cpu)"; rm -f "$0/../cpu-$$"' "$prefs/p" "$@" || true)
  local launched painted cpu
  launched=$(echo "$out" | awk '{print $1}')
  painted=$(echo "$out" | sed -n 's/.* at \([0-9]*\) (epoch ms).*/\1/p')
  cpu=$(echo "$out" | sed -n 's/.*cpu \([0-9.]*\) \([0-9.]*\).*/\1 \2/p' | awk '{printf "%d", ($1 + $2) * 1000}')
  if [ -n "$painted" ]; then echo "$(( painted - launched )) ${cpu:-0}"; else echo none; fi
}

summary() { # name, then the times
  local name=$1; shift
  local sorted
  sorted=$(printf '%s\n' "$@" | sort -n)
  echo "$name: median $(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms over $# starts"
}

echo "machine: $(nproc) vCPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r | cut -d- -f1), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
app=(); bare=(); appcpu=(); barecpu=()
for i in $(seq 1 "$RUNS"); do
  # alternated, so that a change in the machine's load falls on both alike
  read -r a ac <<< "$(start -jar "$JAR")"
  read -r b bc <<< "$(start -cp "$JAR:target/test-classes" echolab.ui.BareWindowStartup)"
  { [ "$a" = none ] || [ "$b" = none ]; } && { echo "start $i: no painted frame within 60 s (EchoLab: $a, bare: $b)" >&2; exit 1; }
  app+=("$a"); bare+=("$b"); appcpu+=("$ac"); barecpu+=("$bc")
  echo "start $i: EchoLab painted after $a ms (CPU $ac ms), the bare window after $b ms (CPU $bc ms) (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
summary "EchoLab (java -jar $JAR), launch to painted window" "${app[@]}"
summary "bare JavaFX window, menu bar and tabs, launch to painted window" "${bare[@]}"
summary "EchoLab, CPU time of the whole start (user + system)" "${appcpu[@]}"
summary "bare window, CPU time of the whole start (user + system)" "${barecpu[@]}"

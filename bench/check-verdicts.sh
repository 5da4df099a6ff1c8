#!/usr/bin/env bash
# Runs `echolab check` RUNS times (default 20) on every server of examples/students/servers.tsv whose
# toolchain this machine has, and prints per server what it measured:
#   correct server: runs with a false FAIL (any check failed, or no report at all);
#   faulty server:  runs that caught it (every check of its `fails` column failed);
#   runs whose model differed from the `model` column; median and max seconds of the check itself (the
#   report's checkSeconds: from the first client to the verdicts) and of the whole command (wall: the
#   JVMs' start, the server's start and stop too).
# Then, per server, which checks failed how often, with one failing verdict's summary.
# Exit 1 when a correct server got a false FAIL or a faulty one was missed in any run; 2 on bad usage.
#
# Usage: bench/check-verdicts.sh [RUNS]            (from anywhere; it works in the repository's root)
# Needs java, python3 (to read the JSON reports), and the toolchains of the rows to measure (a row
# whose `needs` are missing, or whose build fails, is skipped with the reason). Builds
# target/echolab.jar if missing, and each row into target/student-examples/NAME.
# Traffic only on 127.0.0.1. One check takes a few seconds: 22 servers x 20 runs is about 40 minutes.
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-20}
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/check-verdicts.sh [RUNS]   (RUNS: a whole number of checks per server, default 20)" >&2
  exit 2
fi
MANIFEST=examples/students/servers.tsv
JAR=target/echolab.jar
BUILD=$PWD/target/student-examples
for tool in java python3; do
  command -v "$tool" >/dev/null || { echo "check-verdicts: $tool is needed and is not on the PATH" >&2; exit 2; }
done
if [ ! -f "$JAR" ]; then
  echo "building $JAR (./mvnw -q -DskipTests package)..." >&2
  ./mvnw -q -DskipTests package >&2 || { echo "check-verdicts: building $JAR failed" >&2; exit 2; }
fi

# A JDK 21 or newer, for rows that need `java21`: $JAVA_HOME if it is one, else one in /usr/lib/jvm.
jdk_version() {  # prints the feature version of the JDK at $1, or 0
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -z "$v" ] && v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  echo "${v:-0}"
}
JAVA21_HOME=
for home in ${JAVA_HOME:-} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -r); do
  home=${home%/}
  if [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] && [ "$(jdk_version "$home")" -ge 21 ]; then
    JAVA21_HOME=$home
    break
  fi
done
export JAVA21_HOME

# Reads one JSON report on stdin; prints, separated by \x1f: the model ("(none)" when it named
# none), the failed ids (sorted, comma-separated), the first failing check's "id: summary".
read_report() {
  python3 -c '
import json, sys
r = json.load(sys.stdin)
failed = sorted((c for c in r["checks"] if c["status"] == "fail"), key=lambda c: c["id"])
ids = sorted(c["id"] for c in failed)
first = (failed[0]["id"] + ": " + " ".join(failed[0]["summary"].split())) if failed else ""
secs = r.get("observed", {}).get("checkSeconds", "")
print((r.get("model") or "(none)") + "\x1f" + ",".join(ids) + "\x1f" + str(secs) + "\x1f" + first)
'
}

median_max() {  # prints "median max" of the numbers given
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f %.1f", m, a[NR] }'
}

table=()
details=()
skipped=()
bad=0
measured=0
# tabs become \x1f first: `read` would merge consecutive tabs, and so lose empty columns
while IFS=$'\x1f' read -r name language needs build run framing counter model fails; do
  [ "$name" = name ] && continue
  [ -z "$name" ] && continue
  missing=
  for need in ${needs//,/ }; do
    if [ "$need" = java21 ]; then
      [ -n "$JAVA21_HOME" ] || missing="a JDK 21 or newer (java21)"
    elif ! command -v "$need" >/dev/null; then
      missing=$need
    fi
  done
  if [ -n "$missing" ]; then
    skipped+=("$name: needs $missing, which this machine does not have")
    continue
  fi
  out=$BUILD/$name
  mkdir -p "$out"
  if [ -n "$build" ]; then
    if ! log=$(cd "examples/students/$name" && OUT=$out sh -c "$build" 2>&1); then
      skipped+=("$name: its build failed: $(printf '%s' "$log" | tail -3 | tr '\n' ' ')")
      continue
    fi
  fi
  read -ra argv <<<"${run//\$OUT/$out}"
  opts=(--json --framing "$framing" --listen-timeout-s 30 --cwd "examples/students/$name")
  [ -n "$counter" ] && opts+=(--counter-pattern "$counter")
  kind=correct
  [ -n "$fails" ] && kind=faulty
  expected=$(printf '%s' "$fails" | tr ',' '\n' | sed '/^$/d' | sort | paste -sd, -)
  hits=0 model_off=0 times=() checks=() outcomes=()
  declare -A seen=() example=()
  for ((r = 1; r <= RUNS; r++)); do
    t0=$(date +%s.%N)
    json=$(timeout 300 java -jar "$JAR" check "${opts[@]}" -- "${argv[@]}" 2>/tmp/check-verdicts.$$.err)
    rc=$?
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
    if got=$(printf '%s' "$json" | read_report 2>/dev/null); then
      IFS=$'\x1f' read -r got_model got_failed got_secs got_first <<<"$got"
      [ -n "$got_secs" ] && checks+=("$got_secs")
      [ -z "$got_failed" ] && got_failed=-
    else
      got_model="(no report)"
      got_failed="no report (exit $rc): $(tail -1 /tmp/check-verdicts.$$.err | cut -c1-160)"
      got_first=
    fi
    [ "$got_model" != "$model" ] && model_off=$((model_off + 1))
    if [ "$kind" = correct ]; then
      [ "$got_failed" != - ] && hits=$((hits + 1))   # a false FAIL
    else
      caught=1
      for id in ${expected//,/ }; do
        [[ ",$got_failed," == *",$id,"* ]] || caught=0
      done
      hits=$((hits + caught))
    fi
    key="$got_failed | model: $got_model"
    seen[$key]=$(( ${seen[$key]:-0} + 1 ))
    [ -n "$got_first" ] && [ -z "${example[$key]:-}" ] && example[$key]=$got_first
  done
  rm -f /tmp/check-verdicts.$$.err
  read -r med max <<<"$(median_max "${times[@]}")"
  cmed=- cmax=-
  [ "${#checks[@]}" -gt 0 ] && read -r cmed cmax <<<"$(median_max "${checks[@]}")"
  if [ "$kind" = correct ]; then
    verdicts="$hits/$RUNS false FAIL"
    [ "$hits" -gt 0 ] && bad=1
  else
    verdicts="$hits/$RUNS caught"
    [ "$hits" -lt "$RUNS" ] && bad=1
  fi
  measured=$((measured + 1))
  table+=("$(printf '%-24s %-8s %4d  %-16s %4d/%-4d %7s %7s %6s %6s' "$name" "$kind" "$RUNS" "$verdicts" \
    "$model_off" "$RUNS" "$cmed" "$cmax" "$med" "$max")")
  details+=("$name (expected: fails ${expected:--}, model $model)")
  for key in "${!seen[@]}"; do
    details+=("    ${seen[$key]}x  failed: $key${example[$key]:+   e.g. ${example[$key]}}")
  done
  unset seen example
done < <(tr '\t' '\037' <"$MANIFEST")

printf '%-24s %-8s %4s  %-16s %9s %7s %7s %6s %6s\n' server kind runs verdicts "model off" "check s" "max" \
  "wall s" "max"
printf '%s\n' "${table[@]}"
echo
echo "What failed, per server (count x failed checks | model named, e.g. one failing verdict):"
printf '%s\n' "${details[@]}"
if [ "${#skipped[@]}" -gt 0 ]; then
  echo
  echo "Skipped:"
  printf '  %s\n' "${skipped[@]}"
fi
echo
echo "$measured servers measured, ${#skipped[@]} skipped, $RUNS runs each on $(nproc) CPUs, $(uname -sr)"
exit $bad

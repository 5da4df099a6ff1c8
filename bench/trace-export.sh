#!/usr/bin/env bash
# bench/trace-export.sh - the cost of exporting a million events to a Perfetto trace and to Chrome
# JSON (Issue 20: at most 5 s). Collects a million events of a real run of EchoLab's server under
# load in memory; writes them to a recording as --record does and times `echolab export --perfetto
# FILE OUT` (and --chrome) in a JVM of its own, what a user waits for; then exports them from memory
# three times to each format, printing events, seconds, events/s, bytes and the load average
# (figures measured while others use the machine are noisy).
#
#   ./mvnw -q -o -DskipTests package        # first: target/echolab.jar and target/test-classes
#   bash bench/trace-export.sh [EVENTS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/echolab.jar}
if [ ! -f "$JAR" ] || [ ! -f target/test-classes/echolab/ui/trace/TraceExportBench.class ]; then
  echo "build first: ./mvnw -q -o -DskipTests package" >&2
  exit 2
fi
exec java -Xmx2g -cp "$JAR:target/test-classes" echolab.ui.trace.TraceExportBench "${1:-1000000}" "${2:-3}"

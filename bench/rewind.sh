#!/usr/bin/env bash
# bench/rewind.sh - how long the window takes to show an instant of a run of a million events
# (Issue 20: within 100 ms). Collects a million events of a real run of EchoLab's server under load
# in memory, folds them through the window's time machine, then shows random instants of it and
# prints the time each took as percentiles, beside the load average (figures measured while others
# use the machine are noisy).
#
#   ./mvnw -q -o -DskipTests package        # first: target/echolab.jar and target/test-classes
#   bash bench/rewind.sh [EVENTS] [INSTANTS]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/echolab.jar}
if [ ! -f "$JAR" ] || [ ! -f target/test-classes/echolab/ui/rewind/RewindBench.class ]; then
  echo "build first: ./mvnw -q -o -DskipTests package" >&2
  exit 2
fi
exec java -Xmx3g -cp "$JAR:target/test-classes" echolab.ui.rewind.RewindBench "${1:-1000000}" "${2:-300}"

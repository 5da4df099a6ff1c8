#!/usr/bin/env bash
# Runs "lessons --check --json" ROUNDS times and counts, per lesson, the rounds in which every
# expectation held (first run or after the widening the lesson allows), and the wall time.
#   bench/lessons-check.sh [ROUNDS]        (JAR=path/to/echolab.jar, default target/echolab.jar)
set -euo pipefail
ROUNDS=${1:-5}
JAR=${JAR:-target/echolab.jar}
JAVA_CMD=${JAVA_CMD:-java -jar $JAR}
out=$(mktemp -d)
for r in $(seq 1 "$ROUNDS"); do
  start=$(date +%s.%N)
  $JAVA_CMD lessons --check --json > "$out/$r.json" || true
  end=$(date +%s.%N)
  echo "round $r: $(python3 -c "print(f'{$end-$start:.1f}')") s"
done
python3 - "$out" "$ROUNDS" <<'PY'
import json, sys, os, collections
d, rounds = sys.argv[1], int(sys.argv[2])
held = collections.Counter(); widened = collections.Counter(); seen = []
for r in range(1, rounds + 1):
    for row in json.load(open(os.path.join(d, f"{r}.json"))):
        if row["id"] not in seen: seen.append(row["id"])
        held[row["id"]] += row["status"] == "holds"
        widened[row["id"]] += bool(row.get("widened"))
        if row["status"] != "holds":
            print(f"round {r}: {row['id']} {row['status']}: " + "; ".join(
                f"{e['figure']} {e['expected']} measured {e['measured']}" for e in row["expectations"] if not e["holds"]) + " " + " ".join(row.get("notes", [])))
for i in seen:
    print(f"{i:28s} held {held[i]}/{rounds}" + (f" (widened in {widened[i]})" if widened[i] else ""))
print(f"all lessons held in {sum(held.values())} of {rounds * len(seen)} lesson-rounds")
PY

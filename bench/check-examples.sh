#!/usr/bin/env bash
# Checks every example server of examples/servers ROUNDS times (default 5) with `echolab check` and
# tallies, per server, which checks failed in each round: a correct server must fail none (the
# iterative one exactly `concurrency`), a faulty one exactly its own, in every round.
# Needs gcc (or cc), make, python3 and target/echolab.jar (mvn package -DskipTests). Traffic only on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
JAR=${JAR:-target/echolab.jar}
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
make -s -C examples/servers BUILD="$BUILD" >/dev/null
declare -A expected=(
  [iterative]=concurrency [fork_reap]= [threads]= [pool]= [select_loop]= [echo_server.py]=
  [fork_noreap]=reaping [fork_keepfd]=descriptors [fork_noexit]=processes [pool_shared_slot]=burst
  [pool_spin]=busy-wait [threads_total_unprotected]=counter [threads_leak]=threads [echo_truncate]=echo)
order=(iterative fork_reap threads pool select_loop echo_server.py fork_noreap fork_keepfd fork_noexit
  pool_shared_slot pool_spin threads_total_unprotected threads_leak echo_truncate)
printf '%-27s %-12s %-8s %s\n' server expected "as said" "failed in each round"
all=0; good=0
for s in "${order[@]}"; do
  if [ "$s" = echo_server.py ]; then cmd=(python3 examples/servers/echo_server.py); else cmd=("$BUILD/$s"); fi
  rounds=(); ok=0
  for ((r = 1; r <= ROUNDS; r++)); do
    json=$(java -jar "$JAR" check --json --timeout-s 3 --counter-pattern 'echoed (\d+) bytes' -- "${cmd[@]}" 2>/dev/null || true)
    failed=$(printf '%s' "$json" \
      | python3 -c 'import json,sys; print(",".join(c["id"] for c in json.load(sys.stdin)["checks"] if c["status"]=="fail"))' \
      2>/dev/null || echo "no-report")
    rounds+=("${failed:--}")
    [ "$failed" = "${expected[$s]}" ] && ok=$((ok + 1))
  done
  all=$((all + ROUNDS)); good=$((good + ok))
  printf '%-27s %-12s %d/%-6d %s\n' "$s" "${expected[$s]:--}" "$ok" "$ROUNDS" "${rounds[*]}"
done
echo "$good of $all checks failed exactly the expected checks"

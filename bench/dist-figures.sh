#!/usr/bin/env bash
# bench/dist-figures.sh - the packaged app's figures (Linux): the size of the app image and of the
# .deb, and the time from starting bin/EchoLab to its window on screen.
#
#   JAVA_HOME=/path/to/jdk-21+ ./mvnw -Pdist package -DskipTests   # first: builds target/dist/
#   bash bench/dist-figures.sh [RUNS]                             # RUNS starts, 5 by default
#
# Each start runs in a virtual display of its own (xvfb-run; JavaFX renders in software there) and
# is timed until a window named EchoLab is visible (xdotool, polled every 10 ms), then the app is
# stopped by its PID (SIGTERM, SIGKILL after 10 s). With DROP_CACHES=1 (root only) the page cache
# is dropped before the first start, so it reads everything from disk: a cold start, as after a
# reboot; the others find the files in the page cache, as a second double-click would.
# Needs xvfb-run and xdotool (Debian: xvfb xauth xdotool).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
APP=target/dist/EchoLab
[ -x "$APP/bin/EchoLab" ] || { echo "dist-figures.sh: no $APP/bin/EchoLab: build it with JAVA_HOME=<jdk 21+> ./mvnw -Pdist package -DskipTests" >&2; exit 2; }
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null || { echo "dist-figures.sh: needs $tool (Debian: apt install xvfb xauth xdotool)" >&2; exit 2; }
done

echo "machine: $(nproc) vCPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r | cut -d- -f1)"
echo "runtime inside: $("$APP/lib/runtime/bin/java" -version 2>&1 | head -1)"
echo "app image: $(du -sm "$APP" | cut -f1) MB ($APP), of which the runtime $(du -sm "$APP/lib/runtime" | cut -f1) MB"
deb=$(ls target/dist/*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] && echo "installer: $(( $(stat -c %s "$deb") / 1024 / 1024 )) MB ($deb)"

inner=$(mktemp)
trap 'rm -f "$inner"' EXIT
cat > "$inner" <<'INNER'
#!/usr/bin/env bash
# runs inside the virtual display: start the app, time it to its window, stop it
start=$(date +%s%N)
"$1" open --port 0 > /dev/null 2>&1 &
pid=$!
shown=""
for _ in $(seq 1 6000); do            # at most 60 s
  if xdotool search --onlyvisible --name '^EchoLab$' > /dev/null 2>&1; then shown=$(date +%s%N); break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.01
done
kill -TERM $pid 2>/dev/null || true
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -KILL $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
if [ -n "$shown" ]; then echo $(( (shown - start) / 1000000 )); else echo "none"; fi
INNER
chmod +x "$inner"
times=()
for i in $(seq 1 "$RUNS"); do
  if [ "$i" = 1 ] && [ "${DROP_CACHES:-0}" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  t=$(xvfb-run -a -s "-screen 0 1600x1000x24" "$inner" "$PWD/$APP/bin/EchoLab")
  [ "$t" = none ] && { echo "start $i: no window within 60 s" >&2; exit 1; }
  times+=("$t")
  echo "start $i: window after $t ms$([ "$i" = 1 ] && [ "${DROP_CACHES:-0}" = 1 ] && echo ' (cold: page cache dropped)')"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "start to window: median $(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms over $RUNS starts"

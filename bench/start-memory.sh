#!/usr/bin/env bash
# Start to ready and resident memory at idle (issue 19, targets 5 and 6), for the packaged jar on the
# embedded default (H2 in a fresh data folder, audit on, an embedded user), once per set of JVM options
# given, each started ROUNDS times in turn (so the sets are compared under the same load):
#   bench/start-memory.sh [rounds] [idle-seconds] ['java options' ...]
#   bench/start-memory.sh 3 30 '' "$(cat bench/jvm.options)"     # no options beside the shipped ones
# Start to ready: from launching java to the first 200 of /q/health/ready (polled every 20 ms), which
# needs the policy in force. Idle: the resident set size (ps rss) after idle-seconds with no request.
# The policy check's own phases are read from the service's log line ("built and validated in ...").
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
IDLE=${2:-30}
shift $(( $# >= 2 ? 2 : $# ))
SETS=("$@")
[ ${#SETS[@]} -gt 0 ] || SETS=("")
PORT=${BENCH_PORT:-8089}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
. bench/auth.sh
WORK=$(mktemp -d)
trap 'kill "${SERVER:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
echo "# $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| JVM options | round | start to ready | policy check | idle RSS after ${IDLE} s |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for opts in "${SETS[@]}"; do
    data=$(mktemp -d -p "$WORK")
    begin=$(date +%s%N)
    # shellcheck disable=SC2086
    java -XX:+ExitOnOutOfMemoryError $opts -Dquarkus.http.port="$PORT" -Dseverity.audit.data-dir="$data" \
      -Dquarkus.log.console.json.enabled=false "${BENCH_USERS[@]}" -jar target/quarkus-app/quarkus-run.jar \
      >"$WORK/log" 2>&1 &
    SERVER=$!
    until curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null; do
      kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/log" >&2; exit 1; }
      sleep 0.02
    done
    ready=$(( ($(date +%s%N) - begin) / 1000000 ))
    sleep "$IDLE"
    rss=$(ps -o rss= -p "$SERVER")
    check=$(grep -o 'built and validated in [0-9]* ms' "$WORK/log" | head -1 | grep -o '[0-9]* ms' || echo '?')
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    printf '| %s | %s | %d ms | %s | %d MB |\n' "${opts:-(none)}" "$round" "$ready" "$check" $(( rss / 1024 ))
  done
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"

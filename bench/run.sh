#!/usr/bin/env bash
# Benchmark: decisions per second in-process and over HTTP, each beside its floor measured in the
# same run (this machine is shared and noisy; compare the ratios, not the absolute numbers).
#   bench/run.sh [seconds-per-measurement] [rounds]
# Needs wrk (Debian: apt-get install wrk). Results go to stdout; copy them into BENCHMARKS.md.
# The HTTP part measures the decision path with the audit trail off (AUDIT=true to include it);
# bench/audit.sh measures what the audit trail costs.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
PORT=${BENCH_PORT:-8089}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
. bench/auth.sh

echo "== build"
./mvnw -q -B package -DskipTests

echo "== in-process: service path on recurring and on new facts vs the engine alone"
CPFILE=$(mktemp)
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$CPFILE")" com.incidents.severity.bench.InProcessBenchmark \
  "$(( SECONDS_EACH / 3 + 1 ))" "$ROUNDS" 2>&1 | grep -vE '^\S+ \S+ (INFO|WARN)'
rm -f "$CPFILE"

echo "== HTTP: POST /api/v1/decisions vs GET /api/v1/ping (wrk, 1 thread, 64 connections, loopback)"
echo "(audit trail enabled: ${AUDIT:-false})"
. bench/serve.sh
serve -Dseverity.audit.enabled="${AUDIT:-false}"
rate() { awk '/Requests\/sec/ {print $2}'; }
# Warm both paths up before measuring, twice over: after one pass each, the first measured round of
# the trivial endpoint still ran at a third of the later ones (the JIT was still compiling).
for _ in 1 2; do
  wrk -t1 -c64 -d"${SECONDS_EACH}s" -H "$AUTH" "http://localhost:$PORT/api/v1/ping" >/dev/null
  wrk -t1 -c64 -d"${SECONDS_EACH}s" -H "$AUTH" -s bench/decisions.lua "http://localhost:$PORT" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  trivial=$(wrk -t1 -c64 -d"${SECONDS_EACH}s" -H "$AUTH" "http://localhost:$PORT/api/v1/ping" | rate)
  out=$(wrk -t1 -c64 -d"${SECONDS_EACH}s" -H "$AUTH" -s bench/decisions.lua "http://localhost:$PORT")
  decisions=$(echo "$out" | rate)
  errors=$(echo "$out" | awk -F= '/^errors=/ {print $2}')
  awk -v r="$round" -v t="$trivial" -v d="$decisions" -v e="$errors" \
    'BEGIN { printf "round=%s  trivial=%.0f/s  decisions=%.0f/s  ratio=%.3f  decision-errors=%s\n", r, t, d, d / t, e }'
done

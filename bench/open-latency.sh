#!/usr/bin/env bash
# Latency at a fixed arrival rate, as callers see it: the packaged service in its default
# configuration (audit on, HTTP Basic on every call), new facts on every decision. First wrk (closed
# loop, 16 connections) measures the maximum rate of decisions and of the authenticated ping; then
# Gatling's open model (constantUsersPerSec: arrivals do not wait for answers, so no coordinated
# omission) sends decisions at 25%, 50% and 80% of that maximum and reports p50, p99 and p99.9.
#   bench/open-latency.sh [seconds-per-measurement]
# Needs wrk (apt-get install wrk); Gatling comes from Maven Central (bench/gatling/pom.xml).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
PORT=${BENCH_PORT:-8089}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
. bench/auth.sh
export BENCH_AUTH="${AUTH#Authorization: }"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
./mvnw -q -B -f bench/gatling/pom.xml test-compile
. bench/serve.sh
serve   # the default configuration: audit on
rate() { awk '/Requests\/sec/ {printf "%d", $2}'; }
echo "# $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in 1 2; do   # warm-up: the JIT compiles both paths
  wrk -t1 -c16 -d"${SECONDS_EACH}s" -H "$AUTH" "http://localhost:$PORT/api/v1/ping" >/dev/null
  wrk -t1 -c16 -d"${SECONDS_EACH}s" -s bench/decisions.lua "http://localhost:$PORT" >/dev/null
done
ping=$(wrk -t1 -c16 -d"${SECONDS_EACH}s" -H "$AUTH" "http://localhost:$PORT/api/v1/ping" | rate)
max=$(wrk -t1 -c16 -d"${SECONDS_EACH}s" -s bench/decisions.lua "http://localhost:$PORT" | rate)
echo "maximum (wrk, 16 connections): ping ${ping}/s, decisions ${max}/s, ratio $(awk -v a="$max" -v b="$ping" 'BEGIN {printf "%.2f", a / b}')"
echo "| load | rate | p50 ms | p99 ms | p99.9 ms | max ms | failed |"
echo "|---|---|---|---|---|---|---|"
for share in 25 50 80; do
  r=$(( max * share / 100 ))
  out=$(./mvnw -q -B -f bench/gatling/pom.xml gatling:test -Drate="$r" -Dseconds="$SECONDS_EACH" \
    -DbaseUrl="http://localhost:$PORT" -Dauth="$BENCH_AUTH" 2>&1 || true)
  echo "$out" | awk -F'|' -v share="$share" -v r="$r" '
    /50th percentile/ { p50 = $2 } /99th percentile/ { p99 = $2 } /99.9th percentile/ { p999 = $2 }
    /100th percentile/ { pmax = $2 } /> request count/ { ko = $4 }
    END { gsub(/ /, "", p50); gsub(/ /, "", p99); gsub(/ /, "", p999); gsub(/ /, "", pmax); gsub(/ /, "", ko)
          printf "| %d%% | %d/s | %s | %s | %s | %s | %s |\n", share, r, p50, p99, p999, pmax, ko }'
done

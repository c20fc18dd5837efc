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
echo "# Gatling, after 10 s of warm-up at the same rate; the measured seconds only"
echo "| load | rate | p50 ms | p99 ms | p99.9 ms | max ms | failed |"
echo "|---|---|---|---|---|---|---|"
# The measured row ("decision") of a run's report: a level, total, OK, KO, % KO, per second, min, p50, p99, p99.9, p100
row() {
  python3 - "$1" "$2" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
cells = re.sub(r'\s+', ' ', re.sub(r'<[^>]*>', ' ', html)).split(' ' + sys.argv[2] + ' ', 1)[1].split()
print(' '.join(cells[:12]))
PY
}
for share in 25 50 80; do
  r=$(( max * share / 100 ))
  ./mvnw -q -B -f bench/gatling/pom.xml gatling:test -Drate="$r" -Dseconds="$SECONDS_EACH" -Dwarmup=10 \
    -DbaseUrl="http://localhost:$PORT" -Dauth="$BENCH_AUTH" >/dev/null 2>&1 || true
  report=$(ls -td bench/gatling/target/gatling/*/ | head -1)index.html
  row "$report" decision | awk -v share="$share" -v r="$r" \
    '{ printf "| %d%% | %d/s | %s | %s | %s | %s | %s of %s |\n", share, r, $8, $9, $10, $11, $4, $2 }'
done

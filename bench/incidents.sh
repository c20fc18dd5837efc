#!/usr/bin/env bash
# Incidents over time (issue 20), on the packaged jar in its default configuration (audit on, the
# outbox on, HTTP Basic on every call, embedded H2):
#   1. COUNT (default 10,000) open incidents whose time-driven escalations (a C1 outage reaching 2
#      hours) fall due in the same minute: how late after its instant each TIME decision was made,
#      p50/p99/p99.9/max, and whether every one was made within 60 s (bench/IncidentsDue.java).
#   2. PATCH throughput (new facts on every request, each a recorded decision with its events)
#      beside a plain POST /api/v1/decisions with new facts, alternating in the same run (wrk, 16 connections).
#   bench/incidents.sh [count] [seconds-per-measurement] [rounds]     (count 0: the PATCH figure only)
# Needs wrk (apt-get install wrk) and the packaged jar (./mvnw package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
SECONDS_EACH=${2:-8}
ROUNDS=${3:-3}
PORT=${BENCH_PORT:-8099}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
. bench/auth.sh
. bench/serve.sh
export BENCH_AUTH="${AUTH#Authorization: }"
serve -Dquarkus.log.console.json.enabled=false
BASE="http://localhost:$PORT"
echo "# $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$COUNT" -gt 0 ]; then
  echo "## $COUNT escalations due in one minute"
  java -cp 'target/quarkus-app/lib/main/*' bench/IncidentsDue.java "$BASE" "$BENCH_AUTH" due "$COUNT"
fi

echo "## PATCH beside a plain decision, wrk -t1 -c$CONNECTIONS -d${SECONDS_EACH}s, new facts on every request"
export BENCH_INCIDENTS=5000 # a straggling answer older than 5,000 others would make its next change stale (412)
fresh_incidents() { # each PATCH measurement changes incidents of its own, from their first revision (patches.lua)
  export BENCH_PREFIX="PATCH-$1-$RANDOM"
  java -cp 'target/quarkus-app/lib/main/*' bench/IncidentsDue.java "$BASE" "$BENCH_AUTH" open "$BENCH_INCIDENTS" "$BENCH_PREFIX"
}
measure() { # label [wrk options...]
  local label=$1; shift
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" "$BASE" | awk -v name="$label" '
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { non2xx = $NF }
    END { printf "%s %.0f %s %s %s\n", name, rps, p50, p99, (non2xx == "" ? 0 : non2xx) }'
}
fresh_incidents warm
measure warm-patch -s bench/patches.lua >/dev/null
measure warm-decision -s bench/decisions.lua >/dev/null
echo "| round | PATCH /api/v1/incidents/{key} | POST /api/v1/decisions | PATCH / decision | p99 PATCH | p99 decision | non-2xx |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  fresh_incidents "$round"
  { measure patch -s bench/patches.lua; measure decision -s bench/decisions.lua; } | awk -v r="$round" '
    { rps[$1] = $2; p99[$1] = $4; bad += $5 }
    END { printf "| %s | %d/s | %d/s | %.2f | %s | %s | %d |\n", r, rps["patch"], rps["decision"],
          rps["patch"] / rps["decision"], p99["patch"], p99["decision"], bad }'
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"

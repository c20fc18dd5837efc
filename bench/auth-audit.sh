#!/usr/bin/env bash
# What authentication and the audit write cost, side by side in one run, in the default
# configuration as users run it (the packaged jar, HTTP Basic on every call, new facts on every
# decision), at 16 connections (issue 19, targets 1 and 2):
#   open     GET /api/v1/ping without credentials (the 401 challenge: the HTTP stack, the
#            security check, no identity check)
#   ping     GET /api/v1/ping with Basic credentials (the same, plus the identity check)
#   on       POST /api/v1/decisions, Basic, audit on (the default)
#   off      the same on a second service of the same build with severity.audit.enabled=false
# Each application folder given (default target/quarkus-app; e.g. an older build copied aside)
# gets its two services; rounds alternate between the folders, so old and new are compared
# under the same load. A folder may carry JVM options after a colon, to compare settings of one
# build side by side: 'target/quarkus-app:-Xmx512m -XX:G1PeriodicGCInterval=5000'.
#   bench/auth-audit.sh [seconds-per-measurement] [rounds] [app-folder[:java-options]...]
# Needs wrk (apt-get install wrk). Ports 8089 and up.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-8}
ROUNDS=${2:-2}
shift $(( $# >= 2 ? 2 : $# ))
APPS=("$@")
[ ${#APPS[@]} -gt 0 ] || APPS=(target/quarkus-app)
CONNECTIONS=${BENCH_CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
. bench/auth.sh
export BENCH_AUTH="${AUTH#Authorization: }"
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"' EXIT

start() { # app[:java-options] port audit-enabled
  local dir="$WORK/data-$2" folder="${1%%:*}" opts=""
  [ "$folder" = "$1" ] || opts="${1#*:}"
  # shellcheck disable=SC2086
  java -XX:+ExitOnOutOfMemoryError ${BENCH_JAVA_OPTS:-} $opts -Dquarkus.http.port="$2" -Dseverity.audit.enabled="$3" \
    -Dseverity.audit.data-dir="$dir" -Dquarkus.log.console.json.enabled=false "${BENCH_USERS[@]}" \
    -jar "$folder/quarkus-run.jar" >"$WORK/log-$2" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do curl -sf "http://localhost:$2/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service $1 on port $2 did not start" >&2; cat "$WORK/log-$2" >&2; exit 1
}
measure() { # label url-path [wrk options...]
  local label=$1 url=$2; shift 2
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" "$url" | awk -v name="$label" '
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { non2xx = $NF } /^errors=/ { split($0, e, "="); errors = e[2] }
    END { printf "%s %.0f %s %s %s\n", name, rps, p50, p99, (non2xx == "" ? 0 : non2xx) }'
}
port=8089
for app in "${APPS[@]}"; do
  start "$app" $port true
  start "$app" $((port + 1)) false
  port=$((port + 2))
done
echo "# $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# wrk -t1 -c$CONNECTIONS -d${SECONDS_EACH}s --latency, new facts on every decision (bench/decisions.lua)"
round_of() { # app port
  local on="http://localhost:$2" off="http://localhost:$(($2 + 1))"
  measure open "$on/api/v1/ping"
  measure ping "$on/api/v1/ping" -H "$AUTH"
  measure on "$on" -s bench/decisions.lua
  measure off "$off" -s bench/decisions.lua
}
# Warm-up, BENCH_WARMUP seconds per path (default 30): the JIT compiles every path, and the engine's
# memo of table decisions fills (on new facts the rounds after a 20 s warm-up still rose, 5.5k to 14k/s
# with the audit off, as more of the durations and tiers had been decided once).
i=0
for app in "${APPS[@]}"; do
  SECONDS_EACH=${BENCH_WARMUP:-30} round_of "$app" $((8089 + 2 * i)) >/dev/null
  i=$((i + 1))
done
echo "| app | round | open ping | Basic ping | decisions, audit on | decisions, audit off | on / ping | on / off | p99 on |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  i=0
  for app in "${APPS[@]}"; do
    round_of "$app" $((8089 + 2 * i)) | awk -v app="$app" -v r="$round" '
      { rps[$1] = $2; p50[$1] = $3; p99[$1] = $4; bad[$1] += $5 }
      END { printf "| %s | %s | %d/s | %d/s | %d/s (p50 %s) | %d/s (p99 %s) | %.2f | %.2f | %s |%s\n", app, r,
            rps["open"], rps["ping"], rps["on"], p50["on"], rps["off"], p99["off"], rps["on"] / rps["ping"],
            rps["on"] / rps["off"], p99["on"], (bad["ping"] + bad["on"] + bad["off"] > 0 ? " NON-2xx!" : "") }'
    i=$((i + 1))
  done
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"

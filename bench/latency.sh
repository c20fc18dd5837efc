#!/usr/bin/env bash
# Latency beside throughput, in one run: decisions with the audit trail on and HTTP Basic credentials
# on every request, next to the trivial endpoint /api/v1/ping (Basic too) and an open static file, the console's
# stylesheet (no credentials, no security check): the two trivial answers side by side show what
# authentication costs. (Liveness is no floor: SmallRye Health runs its checks on every call.) Each is measured
# by wrk --latency on the same packaged service.
#   bench/latency.sh [seconds-per-measurement] [rounds]
# Prints one line per endpoint and round: requests/s, p50 and p99. Needs wrk (apt-get install wrk).
# wrk sends the next request only when an answer arrives (closed loop), so its percentiles understate
# what an open stream of arrivals would see under overload; compare the two endpoints, run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
PORT=${BENCH_PORT:-8089}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
. bench/auth.sh   # the benchmark user (BENCH_USERS) and its header (AUTH), as run.sh and audit.sh use
export BENCH_AUTH="${AUTH#Authorization: }"   # for decisions.lua

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
. bench/serve.sh
serve -Dseverity.audit.enabled=true -Dquarkus.log.console.json.enabled=false
echo "# $(date -u +%FT%TZ)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)  wrk -t1 -c$CONNECTIONS -d${SECONDS_EACH}s --latency  audit on, Basic auth"
summary() { # endpoint round < wrk output
  awk -v name="$1" -v r="$2" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /^errors=/ { split($0, e, "="); errors = e[2] }
    /Non-2xx/ { non2xx = $NF }
    END { printf "round=%s  %-9s  %10.0f/s  p50=%-9s p99=%-9s errors=%s non-2xx=%s\n", r, name, rps, p50, p99,
          (errors == "" ? 0 : errors), (non2xx == "" ? 0 : non2xx) }'
}
static() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "http://localhost:$PORT/ui/static/console.css"; }
ping() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "$AUTH" "http://localhost:$PORT/api/v1/ping"; }
decide() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/decisions.lua "http://localhost:$PORT"; }
ping >/dev/null   # warm both paths up
decide >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  static | summary static "$round"
  ping | summary ping "$round"
  decide | summary decisions "$round"
done

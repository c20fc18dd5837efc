#!/usr/bin/env bash
# Audited decisions on PostgreSQL, one instance and two instances sharing the database (issue 19):
# a PostgreSQL server of its own (Debian's postgresql, in a temporary folder, port 5499), the packaged
# jar with the postgresql profile, audit on, HTTP Basic on every call, new facts on every decision.
# Per round, side by side: the authenticated ping of one instance (the floor), decisions on one instance
# at 16 connections, then on two instances at once (wrk with 8 connections against each, summed).
#   bench/postgres.sh [seconds-per-measurement] [rounds]
# Needs wrk and postgresql (apt-get install wrk postgresql); run as root (the server runs as postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=5499
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL is required (apt-get install postgresql)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
. bench/auth.sh
export BENCH_AUTH="${AUTH#Authorization: }"
WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" --auth=trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
"$PGBIN/psql" -q -h 127.0.0.1 -p $PGPORT -U postgres -c "CREATE ROLE severity LOGIN PASSWORD 'bench'" \
  -c "CREATE DATABASE severity OWNER severity"

start() { # port
  mkdir -p "$WORK/app-$1"
  QUARKUS_PROFILE=postgresql \
  QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/severity" \
  QUARKUS_DATASOURCE_POSTGRESQL_USERNAME=severity QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD=bench \
  java -XX:+ExitOnOutOfMemoryError @deploy/jvm.options -Dquarkus.http.port="$1" \
    -Dseverity.audit.data-dir="$WORK/app-$1/data" -Dquarkus.log.console.json.enabled=false "${BENCH_USERS[@]}" \
    -jar target/quarkus-app/quarkus-run.jar >"$WORK/log-$1" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do curl -sf "http://localhost:$1/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "the service on port $1 did not start" >&2; cat "$WORK/log-$1" >&2; exit 1
}
rate() { awk '/Requests\/sec/ { printf "%d", $2 } /Non-2xx/ { print " NON-2xx!" > "/dev/stderr" }'; }
p99() { awk '/^ +99%/ { print $2 }'; }
start 8089
start 8091   # one after the other: each migrates or finds the schema migrated
echo "# $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)  $("$PGBIN/postgres" --version)"
for port in 8089 8091; do   # warm-up
  wrk -t1 -c8 -d"${BENCH_WARMUP:-30}s" -s bench/decisions.lua "http://localhost:$port" >/dev/null
done
echo "| round | Basic ping | one instance, 16 connections | p99 | two instances, 8 connections each | sum / one |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  ping=$(wrk -t1 -c16 -d"${SECONDS_EACH}s" -H "$AUTH" "http://localhost:8089/api/v1/ping" | rate)
  out=$(wrk -t1 -c16 -d"${SECONDS_EACH}s" --latency -s bench/decisions.lua "http://localhost:8089")
  one=$(echo "$out" | rate); one99=$(echo "$out" | p99)
  wrk -t1 -c8 -d"${SECONDS_EACH}s" -s bench/decisions.lua "http://localhost:8089" >"$WORK/a" &
  first=$!
  wrk -t1 -c8 -d"${SECONDS_EACH}s" -s bench/decisions.lua "http://localhost:8091" >"$WORK/b"
  wait "$first"
  a=$(rate <"$WORK/a"); b=$(rate <"$WORK/b")
  awk -v r="$round" -v p="$ping" -v o="$one" -v q="$one99" -v a="$a" -v b="$b" \
    'BEGIN { printf "| %s | %d/s | %d/s (%.2f of the ping) | %s | %d/s + %d/s = %d/s | %.2f |\n", r, p, o, o / p, q, a, b, a + b, (a + b) / o }'
done
"$PGBIN/psql" -qAt -h 127.0.0.1 -p $PGPORT -U postgres -d severity -c "SELECT 'records stored: ' || COUNT(*) FROM decision_record"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Audit benchmark: decisions/s over HTTP with the audit trail on, beside the same service with it
# off (same build, same load, measured alternately), on the embedded H2 database and on PostgreSQL;
# then the time of a filtered page of GET /api/v1/decisions over 1,000,000 stored decisions.
#   bench/audit.sh [seconds-per-measurement] [rounds] [connections] [warm-up-seconds]
# Each service is warmed up before it is measured: on two cores the JIT needs about half a minute
# of load before the audit path (H2, JDBC, JSON) stops getting faster.
# Needs wrk and curl. Uses ports 8089 (service) and 55432 (PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/auth.sh
SECS=${1:-8}
ROUNDS=${2:-2}
CONNS=${3:-64}
WARM=${4:-30}
PORT=8089
PGPORT=55432
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"

java -cp "$CP" com.incidents.severity.bench.PostgresServer "$PGPORT" >"$WORK/pg.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q "postgresql ready" "$WORK/pg.log" && break; sleep 0.5; done
PGURL="jdbc:postgresql://localhost:$PGPORT/postgres"

serve() { # db audit-enabled data-dir
  local db=$1 audit=$2 dir=$3
  local args=(-Dquarkus.http.port=$PORT -Dseverity.audit.enabled="$audit" -Dseverity.audit.data-dir="$dir")
  if [ "$db" = postgresql ]; then
    args+=(-Dquarkus.profile=postgresql "-Dquarkus.datasource.\"postgresql\".jdbc.url=$PGURL"
      "-Dquarkus.datasource.\"postgresql\".username=postgres" "-Dquarkus.datasource.\"postgresql\".password=postgres")
  fi
  java -XX:+ExitOnOutOfMemoryError "${args[@]}" "${BENCH_USERS[@]}" -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && return; sleep 0.5; done
  echo "service did not start"; cat "$WORK/service.log"; exit 1
}
stop() { kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true; }
rate() { wrk -t1 -c"$CONNS" -d"${1:-$SECS}s" -H "$AUTH" -s bench/decisions.lua "http://localhost:$PORT" | awk '/Requests\/sec/ {print $2}'; }

echo "== decisions/s over HTTP, audit off vs on (wrk, 1 thread, $CONNS connections, ${WARM}s warm-up, ${SECS}s measured)"
for db in h2 postgresql; do
  for round in $(seq 1 "$ROUNDS"); do
    serve "$db" false "$WORK/h2-off-$round"; rate "$WARM" >/dev/null; off=$(rate); stop
    serve "$db" true "$WORK/h2-on-$round"; rate "$WARM" >/dev/null; on=$(rate); stop
    awk -v d="$db" -v r="$round" -v a="$off" -v b="$on" \
      'BEGIN { printf "%-10s round=%s  audit-off=%.0f/s  audit-on=%.0f/s  ratio=%.3f\n", d, r, a, b, b / a }'
  done
done

echo "== filtered page over 1,000,000 stored decisions"
page() {
  for q in "severity=SEV1&limit=50" "capability=App%20UI&severity=SEV2&limit=50" "caller=client:123&limit=50" \
           "from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z&limit=50"; do
    curl -s -o /dev/null -H "$AUTH" "http://localhost:$PORT/api/v1/decisions?$q"
    best=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -H "$AUTH" -w '%{time_total}\n' "http://localhost:$PORT/api/v1/decisions?$q"; done | sort -n | head -1)
    awk -v d="$1" -v q="$q" -v t="$best" 'BEGIN { printf "%-10s %-58s %.1f ms\n", d, q, t * 1000 }'
  done
}
serve h2 true "$WORK/h2-page"; stop
java -cp "$CP" com.incidents.severity.bench.AuditFill "jdbc:h2:file:$WORK/h2-page/audit" severity "" 1000000
serve h2 true "$WORK/h2-page"; page h2; stop
serve postgresql true "$WORK/unused"; stop
java -cp "$CP" com.incidents.severity.bench.AuditFill "$PGURL" postgres postgres 1000000
serve postgresql true "$WORK/unused"; page postgresql; stop

# Sourced by the bench scripts: serve [java options...] starts the packaged service on $PORT with a
# fresh data folder, the benchmark user (BENCH_USERS, from bench/auth.sh) and the given options,
# stops it and removes its files when the script exits, and waits until it is ready.
serve() {
  LOG=$(mktemp)
  DATA=$(mktemp -d)
  java -XX:+ExitOnOutOfMemoryError -Dquarkus.http.port="$PORT" -Dseverity.audit.data-dir="$DATA" "$@" \
    "${BENCH_USERS[@]}" -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true; rm -rf "$LOG" "$DATA"' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null && break
    sleep 0.5
  done
}

# Sourced by bench/run.sh and bench/audit.sh: the benchmark's user, given to the packaged jar at run
# time (all three roles), and the Authorization header every measured call sends, so wrk measures
# successful, authenticated calls (HTTP Basic is checked on each request).
BENCH_USER=bench
BENCH_PASSWORD="bench-$RANDOM$RANDOM"
BENCH_USERS=(-Dquarkus.security.users.embedded.plain-text=true
  "-Dquarkus.security.users.embedded.users.$BENCH_USER=$BENCH_PASSWORD"
  "-Dquarkus.security.users.embedded.roles.$BENCH_USER=decision-client,policy-editor,auditor")
AUTH="Authorization: Basic $(printf '%s' "$BENCH_USER:$BENCH_PASSWORD" | base64 -w0)"

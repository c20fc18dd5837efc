#!/usr/bin/env bash
# Issue 18's speed figures for governed changes, on the packaged jar in its default configuration
# (audit on, approval required, HTTP Basic): from sending a publish to the first decision answered
# by the new version, and the server side of the editor's live report (a changed DMN checked as a
# reload checks it; the page sends it after its debounce, see EditorPage's script).
#   bench/policy-change.sh [rounds]      (default 5)
# Every round changes the bytes of incident-severity.dmn (a comment), so each is a new version the
# service builds and checks in full, as a real edit is.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
PORT=${BENCH_PORT:-8089}
. bench/auth.sh
REVIEWER=bench-reviewer
REVIEWER_PASSWORD="review-$RANDOM$RANDOM"
BENCH_USERS+=("-Dquarkus.security.users.embedded.users.$REVIEWER=$REVIEWER_PASSWORD"
  "-Dquarkus.security.users.embedded.roles.$REVIEWER=policy-editor")
REVIEW_AUTH="Authorization: Basic $(printf '%s' "$REVIEWER:$REVIEWER_PASSWORD" | base64 -w0)"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
RULES=$(mktemp -d)
cp -r rules/. "$RULES"
. bench/serve.sh
serve "-Dseverity.rules.dir=$RULES"
BASE="http://localhost:$PORT"
WORK=$(mktemp -d)
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
decision='{"impactLevel":"MAJOR","affectedUsers":1234}'
version() { curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$decision" "$BASE/api/v1/decisions" \
  | sed -n 's/.*"policyVersion":"\([^"]*\)".*/\1/p'; }   # no interpreter start between polls
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "median %d ms, p90 %d ms, max %d ms (%d rounds)", a[int((NR + 1) / 2)], a[int(NR * 0.9 + 0.999)], a[NR], NR }'; }
JAR="$WORK/cookies"   # the editor's own route: a console session (form sign-in) and its CSRF token
TOKEN=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/ui/login" | sed -n 's/.*name="sign-in-token" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "sign-in-token=$TOKEN" -d "j_username=$BENCH_USER" --data-urlencode "j_password=$BENCH_PASSWORD" \
  "$BASE/j_security_check"
CSRF=$(curl -sf -b "$JAR" "$BASE/ui/editor" | sed -n 's/.*data-csrf="\([^"]*\)".*/\1/p' | head -1)
[ -n "$CSRF" ] || { echo "no console session: the editor page gave no CSRF token" >&2; exit 1; }
echo "# $(date -u +%FT%TZ)  $(git rev-parse --short HEAD)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$WORK/publish"; : >"$WORK/answering"; : >"$WORK/check"
for round in $(seq 1 "$ROUNDS"); do
  cp "$RULES/incident-severity.dmn" "$WORK/incident-severity.dmn"
  printf '\n<!-- bench round %s %s -->\n' "$round" "$RANDOM" >>"$WORK/incident-severity.dmn"
  # edit -> report: the check the editor page sends (the same check a reload runs, not put in force)
  t0=$(now)
  curl -sf -b "$JAR" -H "X-CSRF-Token: $CSRF" -F "incident-severity.dmn=@$WORK/incident-severity.dmn" \
    "$BASE/ui/editor/check" >/dev/null
  echo "$(ms "$t0" "$(now)")" >>"$WORK/check"
  old=$(version)
  id=$(curl -sf -H "$AUTH" -F "comment=bench round $round" -F "incident-severity.dmn=@$WORK/incident-severity.dmn" \
    "$BASE/api/v1/policy/drafts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -sf -H "$REVIEW_AUTH" -H 'Content-Type: application/json' -d '{"comment":"bench"}' \
    "$BASE/api/v1/policy/drafts/$id/approve" >/dev/null
  t0=$(now)
  curl -sf -H "$AUTH" -X POST "$BASE/api/v1/policy/drafts/$id/publish" >/dev/null
  t1=$(now)
  until [ "$(version)" != "$old" ]; do :; done
  t2=$(now)
  echo "$(ms "$t0" "$t1")" >>"$WORK/publish"
  echo "$(ms "$t0" "$t2")" >>"$WORK/answering"
done
echo "publish call:                     $(stats <"$WORK/publish")"
echo "publish sent -> new version answers: $(stats <"$WORK/answering")"
echo "edit -> check report (server):    $(stats <"$WORK/check")"
rm -rf "$WORK" "$RULES"

#!/usr/bin/env bash
# Every figure of BENCHMARKS.md's leading table, in one command, each beside its floor in the same run:
#   1, 2  bench/auth-audit.sh   audited decisions on new facts beside the authenticated ping, audit on beside off
#   3     bench/jmh.sh          the engine on new facts in-process (JMH, CPU time per decision)
#   4     bench/open-latency.sh p50/p99/p99.9 at 25%, 50% and 80% of the maximum, Gatling's open model
#   5, 6  bench/start-memory.sh start to ready and resident memory at idle, without and with deploy/jvm.options
#   bench/all.sh [seconds-per-measurement] [rounds]      about 35 minutes with the defaults (10 s, 3 rounds)
# Needs wrk (apt-get install wrk); JMH and Gatling come from Maven Central. Output: one section per script.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
ROUNDS=${2:-3}
./mvnw -q -B package -DskipTests
echo "## 1, 2: decisions beside the ping, audit on beside off (16 connections, new facts)"
bench/auth-audit.sh "$SECONDS_EACH" "$ROUNDS"
echo "## 3: the engine in-process (JMH)"
bench/jmh.sh -f 2 -wi 3 -w 2 -i 5 -r 2 -prof gc
echo "## 4: latency at a fixed arrival rate"
bench/open-latency.sh $(( SECONDS_EACH * 2 ))
echo "## 5, 6: start to ready, idle memory"
bench/start-memory.sh "$ROUNDS" 30 '' "$(cat deploy/jvm.options)"

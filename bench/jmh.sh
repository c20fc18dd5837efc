#!/usr/bin/env bash
# In-process benchmarks on JMH (forks, warm-up, error bars): the engine alone on the shipped policy,
# on facts never seen before and on recurring facts (src/test/java/.../bench/EngineBenchmark.java).
#   bench/jmh.sh [JMH options...]      e.g. bench/jmh.sh -f 1 -wi 3 -i 5 newFacts
#   PROFILE=jfr bench/jmh.sh ...       also records a JFR file per benchmark under target/jmh-profiles/;
#                                      bench/jfr-top.py summarises one (top frames, collapsed stacks)
# The benchmark sources compile with the tests; JMH's annotation processor runs here only, into
# target/jmh-classes, so ./mvnw verify neither generates nor runs anything of JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
M2=${M2_REPO:-$HOME/.m2/repository}
PROCESSOR="$M2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar"
[ -f "$PROCESSOR" ] || ./mvnw -B -q dependency:get -Dartifact=org.openjdk.jmh:jmh-generator-annprocess:1.37

CPFILE=$(mktemp)
trap 'rm -f "$CPFILE"' EXIT
./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat "$CPFILE")"
rm -rf target/jmh-classes && mkdir -p target/jmh-classes
javac -nowarn -cp "$CP" -processorpath "$PROCESSOR:$CP" -d target/jmh-classes \
  src/test/java/com/incidents/severity/bench/*Benchmark.java src/test/java/com/incidents/severity/bench/*Profiler.java 2>&1 | grep -v '^Note:' || true

EXTRA=(-prof com.incidents.severity.bench.WorkerCpuProfiler)
if [ "${PROFILE:-}" = jfr ]; then
  mkdir -p target/jmh-profiles
  EXTRA+=(-prof "jfr:dir=target/jmh-profiles;configName=profile")
fi
java -cp "target/jmh-classes:$CP" org.openjdk.jmh.Main "${EXTRA[@]}" "$@" 2>&1 \
  | grep -vE '^\S+ \S+ (INFO|WARN)|^(WARNING|SLF4J)'

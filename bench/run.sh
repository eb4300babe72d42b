#!/usr/bin/env bash
# Runs one benchmark (or all: no name) with the bench profile and prints its BENCH lines.
# Usage: bench/run.sh [BenchmarkClass] [h2|postgres]. The exit code is the benchmark's: a bound it
# asserts (BENCH bound BROKEN) fails the run. On postgres it uses (and empties) the database anquan_test.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-}"
db="${2:-h2}"
profiles=bench
if [ "$db" = postgres ]; then profiles=bench,postgres; bench/pg-test-db.sh; fi
rm -rf target/bench
args=(-B -ntp -P"$profiles" test -Dsurefire.printSummary=false)
if [ -n "$name" ]; then args+=(-Dtest="$name"); fi
set +e
./mvnw -q "${args[@]}" > target/bench.log 2>&1
status=$?
set -e
grep -a '^BENCH' target/bench.log || true
if [ $status -ne 0 ]; then
  echo "benchmark failed (exit $status): a bound broken or an error; see target/bench.log and target/surefire-reports" >&2
fi
exit $status

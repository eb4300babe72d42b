#!/usr/bin/env bash
# Accident statistics at 200,000 accidents and the situation report. Usage: bench/accidents.sh [h2|postgres]
# Prints lines starting with BENCH. On postgres it uses (and empties) the database anquan_test.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
profile=(-Danquan.test.db=bench-h2)
if [ "$db" = postgres ]; then profile=(-Ppostgres); bench/pg-test-db.sh; fi
rm -rf target/bench
./mvnw -q -B -ntp "${profile[@]}" test -Dtest=AccidentBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep -a '^BENCH' || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }

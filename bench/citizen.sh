#!/usr/bin/env bash
# Open311 POST throughput and latency beside raw JDBC inserts, then GET over 1,000,000 stored requests.
# Usage: bench/citizen.sh [h2|postgres]. Prints lines starting with BENCH. On postgres it uses (and empties) anquan_test.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
profile=(-Danquan.test.db=bench-h2)
if [ "$db" = postgres ]; then profile=(-Ppostgres); bench/pg-test-db.sh; fi
rm -rf target/bench
./mvnw -q -B -ntp "${profile[@]}" test -Dtest=CitizenBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep -a '^BENCH' || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }

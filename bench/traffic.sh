#!/usr/bin/env bash
# Weigh-in-motion intake of 1,000,000 readings (checked, judged, stored, cases opened) beside raw JDBC inserts
# of the same rows, the JSON API for 100,000 more, and the case list over 100,000 cases.
# Usage: bench/traffic.sh [h2|postgres]. Prints lines starting with BENCH.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
profile=(-Danquan.test.db=bench-h2)
if [ "$db" = postgres ]; then profile=(-Ppostgres); bench/pg-test-db.sh; fi
rm -rf target/bench
./mvnw -q -B -ntp "${profile[@]}" test -Dtest=TrafficBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep -a '^BENCH' || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }

#!/usr/bin/env bash
# The nearest rescue teams and supplies over 100,000 resources, beside a raw SQL scan.
# Usage: bench/resources.sh [h2|postgres]. Prints lines starting with BENCH.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
profile=(-Danquan.test.db=bench-h2)
if [ "$db" = postgres ]; then profile=(-Ppostgres); bench/pg-test-db.sh; fi
rm -rf target/bench
./mvnw -q -B -ntp "${profile[@]}" test -Dtest=ResourceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep -a '^BENCH' || { echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }

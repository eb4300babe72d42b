#!/usr/bin/env bash
# Open311 POST throughput and latency beside raw JDBC inserts, then GET over 1,000,000 stored requests.
# Usage: bench/citizen.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" CitizenBenchmark "${1:-h2}"

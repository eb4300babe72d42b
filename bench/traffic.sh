#!/usr/bin/env bash
# Weigh-in-motion intake of 1,000,000 readings beside raw JDBC inserts, the JSON API, the case list at 100,000 cases.
# Usage: bench/traffic.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" TrafficBenchmark "${1:-h2}"

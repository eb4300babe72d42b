#!/usr/bin/env bash
# Accident statistics at 200,000 accidents beside the same SQL raw, and the situation report.
# Usage: bench/accidents.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" AccidentBenchmark "${1:-h2}"

#!/usr/bin/env bash
# Hazard register at 1,000,000 hazards and the escalation sweep.
# Usage: bench/hazards.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" HazardBenchmark "${1:-h2}"

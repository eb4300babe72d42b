#!/usr/bin/env bash
# The nearest rescue teams and supplies over 100,000 resources, beside a raw SQL scan.
# Usage: bench/resources.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" ResourceBenchmark "${1:-h2}"

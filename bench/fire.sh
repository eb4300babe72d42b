#!/usr/bin/env bash
# The FWI system for 200 stations x 10 years imported, beside the bare computation and a raw JDBC batch insert.
# Usage: bench/fire.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" FireBenchmark "${1:-h2}"

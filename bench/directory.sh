#!/usr/bin/env bash
# Enterprise list at 100,000 enterprises, server side.
# Usage: bench/directory.sh [h2|postgres]. Prints the BENCH lines and fails when a bound it asserts is broken.
exec "$(dirname "$0")/run.sh" DirectoryBenchmark "${1:-h2}"

#!/usr/bin/env bash
# Turns a JFR recording of the benchmark (BENCH_JFR=1 bench/run.sh) into a CPU flame graph SVG.
# Needs inferno's flamegraph (cargo install inferno). Usage: bench/flamegraph.sh <recording.jfr> <out.svg> [title]
set -euo pipefail
cd "$(dirname "$0")/.."
# The start-up threads are left out: the graph is about serving bookings.
java bench/JfrCollapse.java "$1" | grep -v -e '^main;' -e '^background-preinit;' | inferno-flamegraph --minwidth 0.2 --title "${3:-booking service, CPU samples}" --width 1600 > "$2"

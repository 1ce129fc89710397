#!/usr/bin/env bash
# Turns a JFR recording of the benchmark (BENCH_JFR=1 bench/run.sh) into a CPU flame graph SVG.
# Needs inferno's flamegraph (cargo install inferno). Usage: bench/flamegraph.sh <recording.jfr> <out.svg> [title]
set -euo pipefail
cd "$(dirname "$0")/.."
java bench/JfrCollapse.java "$1" | inferno-flamegraph --title "${3:-booking service, CPU samples}" --width 1600 > "$2"

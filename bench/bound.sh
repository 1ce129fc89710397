#!/usr/bin/env bash
# What the Temporal dev server alone can do here (docs/performance.md, "What bounds it"): starts
# `temporal server start-dev` on a fresh SQLite file, runs bench/TemporalBound.java (workflows of one no-op activity)
# against it and prints starts/s, completions/s and the dev server's CPU per workflow.
# Usage: bench/bound.sh [workflows, default 2000]; BENCH_PORT (18650) is the dev server's port.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
port=${BENCH_PORT:-18650}
work=$(mktemp -d "${TMPDIR:-/tmp}/temporal-bound.XXXXXX")
temporal server start-dev --headless --ip 127.0.0.1 --port "$port" --db-filename "$work/temporal.db" \
	--log-level error ${BOUND_SERVER_ARGS-} > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
./mvnw -q ${MVN_OPTS_BENCH-} dependency:build-classpath -pl workflows -Dmdep.outputFile="$work/cp" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(ticks)
java -cp "$(cat "$work/cp")" bench/TemporalBound.java "127.0.0.1:$port" "$count" 2>/dev/null
after=$(ticks)
hz=$(getconf CLK_TCK)
# Both rounds (the warm-up is a tenth of the count) count towards the server's CPU.
awk -v t=$((after - before)) -v hz="$hz" -v n="$count" \
	'BEGIN { printf "dev server CPU: %.1f ms per workflow\n", 1000 * t / hz / (n * 1.1) }'

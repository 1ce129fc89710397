#!/usr/bin/env bash
# Single-row commits/s of the embedded PostgreSQL with fsync + synchronous_commit off and on; see docs/operations.md.
# Usage: scripts/bench-durability.sh [commits [rounds]]
# MVN_OPTS_BENCH adds Maven options (e.g. -o to stay offline once dependencies are downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/core/target/bench-classpath.txt"
./mvnw -q ${MVN_OPTS_BENCH-} -pl core test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
# zonky and PostgreSQL log to the console; only the result lines are wanted.
java -cp "core/target/test-classes:core/target/classes:$(cat "$classpath_file")" \
	com.acme.booking.embedded.DurabilityBenchmark "$@" 2>/dev/null | grep '^round'


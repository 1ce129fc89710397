#!/usr/bin/env bash
# Times a 30-day availability listing (warm cache, warm + JSON, cold without I/O); see docs/availability.md.
# Usage: scripts/bench-availability.sh [iterations [warm-up iterations]]
# MVN_OPTS_BENCH adds Maven options (e.g. -o to stay offline once dependencies are downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/api/target/bench-classpath.txt"
./mvnw -q ${MVN_OPTS_BENCH-} -pl api -am test-compile dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
exec java -Xms256m -Xmx256m -cp "api/target/test-classes:api/target/classes:$(cat "$classpath_file")" \
	com.acme.booking.availability.AvailabilityBenchmark "$@"

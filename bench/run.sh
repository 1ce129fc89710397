#!/usr/bin/env bash
# The booking benchmark (docs/performance.md): builds the app jar, and for each external latency (writes 0 ms and
# free/busy 0 ms; writes 300 ms and free/busy 150 ms) and each Temporal server (the CLI's dev server, the in-process
# one) starts WireMock standing in for Google and HubSpot, starts the app, drives it from bench/LoadGen.java in a
# process of its own, stops everything and prints one table.
# Usage: bench/run.sh
# Environment: BENCH_SECONDS (20) length of the flat-out and fixed-rate phases; BENCH_MODES ("dev-server in-process");
# BENCH_LATENCIES ("0/0 300/150", writes/free-busy in ms); BENCH_JFR=1 records a JFR profile of each run;
# BENCH_PORT (18600) first of the four ports used; BENCH_JAR an app jar to measure instead of building one;
# BENCH_JAVA_OPTS JVM options of the app (e.g. -Xmx256m); BENCH_OUT (bench/out) where logs, results and recordings go; MVN_OPTS_BENCH extra Maven options (-o offline).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${BENCH_SECONDS:-20}
modes=${BENCH_MODES:-dev-server in-process}
latencies=${BENCH_LATENCIES:-0/0 300/150}
port=${BENCH_PORT:-18600}
app_port=$port wiremock_port=$((port + 1)) temporal_port=$((port + 2)) temporal_ui_port=$((port + 3))
out=${BENCH_OUT:-bench/out}
work=$(mktemp -d "${TMPDIR:-/tmp}/booking-bench.XXXXXX")
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

jar=${BENCH_JAR:-api/target/booking-api.jar}
if [ -z "${BENCH_JAR:-}" ]; then
	echo "Building the app jar..." >&2
	./mvnw -q ${MVN_OPTS_BENCH-} -DskipTests -pl api -am package
fi
./mvnw -q ${MVN_OPTS_BENCH-} dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 \
	-DoutputDirectory="$work" -Dmdep.stripVersion=true
java bench/LoadGen.java key "$work/key.json" "http://127.0.0.1:$wiremock_port/token"
mkdir -p "$out"

await_port() {
	for _ in $(seq 1 1200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
	echo "nothing listens on port $1" >&2; return 1
}

stop() { # pid
	kill "$1" 2>/dev/null || true
	for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
	kill -9 "$1" 2>/dev/null || true
}

columns=()
for latency in $latencies; do
	writes=${latency%/*} freebusy=${latency#*/}
	for mode in $modes; do
		name="w${writes}-fb${freebusy}-${mode}"
		echo "Run $name..." >&2
		rm -rf "$work/wiremock" && bench/mappings.sh "$work/wiremock" "$writes" "$freebusy"
		java -Xmx256m -jar "$work/wiremock-standalone.jar" --port "$wiremock_port" --bind-address 127.0.0.1 \
			--root-dir "$work/wiremock" --no-request-journal --async-response-enabled true --container-threads 200 \
			--disable-banner > "$work/wiremock.log" 2>&1 &
		wiremock_pid=$!; pids+=("$wiremock_pid")
		temporal_pid=0
		temporal_args=()
		if [ "$mode" = dev-server ]; then
			temporal_args=(--booking.temporal.mode=dev-server --booking.temporal.dev-server.port="$temporal_port"
				--booking.temporal.dev-server.ui-port="$temporal_ui_port")
		else
			temporal_args=(--booking.temporal.mode=in-process)
		fi
		if [ "$mode" = dev-server ] && [ "$(unzip -l "$jar" | grep -c 'booking/temporal/TemporalMode\|booking-laptop')" = 0 ]; then
			# Before the dev server became the embedded default: run one beside the app.
			temporal server start-dev --headless --ip 127.0.0.1 --port "$temporal_port" --db-filename "$work/$name.db" \
				--log-level error --search-attribute BookingId=Keyword --search-attribute BookingStatus=Keyword \
				--search-attribute CalendarSync=Keyword --search-attribute CrmSync=Keyword > "$work/temporal.log" 2>&1 &
			temporal_pid=$!; pids+=("$temporal_pid")
			await_port "$temporal_port"
			temporal_args=(--spring.temporal.connection.target="127.0.0.1:$temporal_port"
				--spring.temporal.test-server.enabled=false)
		fi
		await_port "$wiremock_port"
		jfr=()
		[ "${BENCH_JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$out/$name.jfr,settings=profile")
		launch=$(date +%s%3N)
		java ${BENCH_JAVA_OPTS-} "${jfr[@]}" -jar "$jar" --server.port="$app_port" \
			--booking.embedded.data-dir="$work/data-$name" "${temporal_args[@]}" \
			--booking.calendar.enabled=true --booking.calendar.calendar-id=bench@group.calendar.google.com \
			--booking.calendar.service-account-file="$work/key.json" \
			--booking.calendar.root-url="http://127.0.0.1:$wiremock_port/" \
			--booking.crm.enabled=true --booking.crm.hubspot.access-token=pat-na1-00000000-0000-4000-8000-000000000000 \
			--booking.crm.hubspot.base-url="http://127.0.0.1:$wiremock_port" \
			--booking.rate-limit.enabled=false --booking.admin.api-key=bench-admin-key \
			--booking.rules.time-zone=UTC --booking.rules.slot-step=15m --booking.rules.min-duration=15m \
			--booking.rules.default-duration=15m --booking.rules.buffer=0m --booking.rules.max-advance=400d \
			--booking.rules.business-hours.MONDAY=00:00-24:00 --booking.rules.business-hours.TUESDAY=00:00-24:00 \
			--booking.rules.business-hours.WEDNESDAY=00:00-24:00 --booking.rules.business-hours.THURSDAY=00:00-24:00 \
			--booking.rules.business-hours.FRIDAY=00:00-24:00 --booking.rules.business-hours.SATURDAY=00:00-24:00 \
			--booking.rules.business-hours.SUNDAY=00:00-24:00 > "$out/$name.log" 2>&1 &
		app_pid=$!; pids+=("$app_pid")
		java -Dseconds="$seconds" bench/LoadGen.java run "http://127.0.0.1:$app_port" "$app_pid" "$launch" \
			"$out/$name.txt" "$temporal_pid" "$work/data-$name"
		stop "$app_pid"; stop "$wiremock_pid"; [ "$temporal_pid" != 0 ] && stop "$temporal_pid"
		columns+=("$name")
	done
done

bench/table.sh "$out" "${columns[@]}"

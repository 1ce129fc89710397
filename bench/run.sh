#!/usr/bin/env bash
# The booking benchmark (docs/performance.md), in two suites.
#
# bench/run.sh [sync]: builds the app jar, and for each external latency (writes 0 ms and free/busy 0 ms; writes
# 300 ms and free/busy 150 ms) and each Temporal server (the CLI's dev server, the in-process one) starts WireMock
# standing in for Google and HubSpot, starts the app, drives it from bench/LoadGen.java in a process of its own,
# stops everything and prints one table.
#
# bench/run.sh scale: builds the app and worker jars and prints one table of these runs (BENCH_RUNS picks some):
#   request       the embedded default (fsync on, in-JVM worker, dev server), integrations off, rate limit off:
#                 RSS idle, a warm-up, then 16 clients flat out on distinct 5-minute slots, RSS at the end; the
#                 flat-out phase runs from wrk (bench/book.lua, 2 threads) where wrk is installed, which costs a
#                 fraction of the Java client's CPU, else (or with BENCH_WRK=0) from LoadGen
#   request-limit the same with the in-memory rate limit on (a limit no client reaches): its cost per request
#   small         the same as request with the small-machine JVM options (BENCH_SMALL_OPTS)
#   split         an API-only instance (booking.worker.enabled=false) beside the worker jar and a Temporal dev
#                 server, both niced (nice -n BENCH_SPLIT_NICE, 10), on a PostgreSQL of Debian's binaries (fsync on), with the
#                 WireMock stand-ins: POST latency at BENCH_RATE bookings/s offered while the syncs run, then the
#                 CPU per synced booking of the worker and the dev server
#   bound         bench/bound.sh 500: the dev server alone (SQLite in WAL mode, as the service starts it),
#                 workflows of one no-op activity
#   bucket        pgbench on that PostgreSQL: a PostgreSQL-backed rate-limit bucket's transaction (lock the
#                 client's row, write its state, commit), 16 clients on one client's row and on 16 rows
# Usage: bench/run.sh [sync|scale]
# Environment: BENCH_SECONDS (20) length of the flat-out and fixed-rate phases; BENCH_MODES ("dev-server in-process");
# BENCH_LATENCIES ("0/0 300/150", writes/free-busy in ms); BENCH_JFR=1 records a JFR profile of each run;
# BENCH_PORT (18600) first of the five ports used; BENCH_JAR an app jar to measure instead of building one
# (scale: BENCH_WORKER_JAR the worker's); BENCH_JAVA_OPTS JVM options of the app (e.g. -Xmx256m);
# BENCH_SMALL_OPTS the small run's (README's small-machine line); BENCH_RUNS ("request request-limit small split
# bound bucket"); BENCH_WARMUP (12000) bookings before the flat-out phases (fewer leave the JIT compiling in them); BENCH_RATE (100) bookings/s offered in split, after BENCH_SPLIT_WARMUP (1000) bookings synced; BENCH_OUT (bench/out) where logs, results and
# recordings go; MVN_OPTS_BENCH extra Maven options (-o offline).
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:-sync}
seconds=${BENCH_SECONDS:-20}
modes=${BENCH_MODES:-dev-server in-process}
latencies=${BENCH_LATENCIES:-0/0 300/150}
runs=${BENCH_RUNS:-request request-limit small split bound bucket}
small_opts=${BENCH_SMALL_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m}
port=${BENCH_PORT:-18600}
app_port=$port wiremock_port=$((port + 1)) temporal_port=$((port + 2)) temporal_ui_port=$((port + 3))
pg_port=$((port + 4))
out=${BENCH_OUT:-bench/out}
work=$(mktemp -d "${TMPDIR:-/tmp}/booking-bench.XXXXXX")
pids=()
pg_bin=/usr/lib/postgresql/15/bin
# The Temporal CLI: on PATH, else where the service caches the one it downloads.
if ! command -v temporal > /dev/null; then
	for cli in "$HOME"/.cache/booking-backend/temporal-cli-*/bin; do [ -x "$cli/temporal" ] && PATH=$cli:$PATH; done
	export PATH
fi
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	[ -f "$work/pg/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop > /dev/null 2>&1 || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

jar=${BENCH_JAR:-api/target/booking-api.jar}
worker_jar=${BENCH_WORKER_JAR:-worker/target/booking-worker.jar}
if [ -z "${BENCH_JAR:-}" ]; then
	echo "Building the jars..." >&2
	./mvnw -q ${MVN_OPTS_BENCH-} -DskipTests -Dbooking.tools.skip=true -pl api,worker -am package
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
	# Its children first (the dev server it launched), or they outlive it and hold their ports.
	pkill -KILL -P "$1" 2>/dev/null || true
	kill -9 "$1" 2>/dev/null || true
}

start_wiremock() { # writes-ms freebusy-ms
	rm -rf "$work/wiremock" && bench/mappings.sh "$work/wiremock" "$1" "$2"
	java -Xmx256m -jar "$work/wiremock-standalone.jar" --port "$wiremock_port" --bind-address 127.0.0.1 \
		--root-dir "$work/wiremock" --no-request-journal --async-response-enabled true --container-threads 200 \
		--disable-banner > "$work/wiremock.log" 2>&1 &
	wiremock_pid=$!; pids+=("$wiremock_pid")
	await_port "$wiremock_port"
}

# The stand-ins for Google and HubSpot, both integrations on.
integrations=(--booking.calendar.enabled=true --booking.calendar.calendar-id=bench@group.calendar.google.com
	--booking.calendar.service-account-file="$work/key.json"
	--booking.calendar.root-url="http://127.0.0.1:$wiremock_port/"
	--booking.crm.enabled=true --booking.crm.hubspot.access-token=pat-na1-00000000-0000-4000-8000-000000000000
	--booking.crm.hubspot.base-url="http://127.0.0.1:$wiremock_port")

rules() { # slot minutes: a slot every that many minutes around the clock, bookings of that length
	local days=(MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY)
	echo "--booking.rules.time-zone=UTC --booking.rules.slot-step=${1}m --booking.rules.min-duration=${1}m"
	echo "--booking.rules.default-duration=${1}m --booking.rules.buffer=0m --booking.rules.max-advance=400d"
	for day in "${days[@]}"; do echo "--booking.rules.business-hours.$day=00:00-24:00"; done
}

run_sync() {
	local columns=()
	for latency in $latencies; do
		writes=${latency%/*} freebusy=${latency#*/}
		for mode in $modes; do
			name="w${writes}-fb${freebusy}-${mode}"
			echo "Run $name..." >&2
			start_wiremock "$writes" "$freebusy"
			temporal_pid=0
			temporal_args=()
			if [ "$mode" = dev-server ]; then
				temporal_args=(--booking.temporal.mode=dev-server --booking.temporal.dev-server.port="$temporal_port"
					--booking.temporal.dev-server.ui-port="$temporal_ui_port")
			else
				temporal_args=(--booking.temporal.mode=in-process)
			fi
			jfr=()
			[ "${BENCH_JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$out/$name.jfr,settings=profile")
			launch=$(date +%s%3N)
			# shellcheck disable=SC2046
			java ${BENCH_JAVA_OPTS-} "${jfr[@]}" -jar "$jar" --server.port="$app_port" \
				--booking.embedded.data-dir="$work/data-$name" "${temporal_args[@]}" "${integrations[@]}" \
				--booking.rate-limit.enabled=false --booking.admin.api-key=bench-admin-key \
				$(rules 15) > "$out/$name.log" 2>&1 &
			app_pid=$!; pids+=("$app_pid")
			java -Dseconds="$seconds" bench/LoadGen.java run "http://127.0.0.1:$app_port" "$app_pid" "$launch" \
				"$out/$name.txt" "$temporal_pid" "$work/data-$name"
			stop "$app_pid"; stop "$wiremock_pid"
			columns+=("$name")
		done
	done
	bench/table.sh "$out" "${columns[@]}"
}

# The embedded default, integrations off, flat out on 5-minute slots: run name, JVM options, extra app arguments.
run_request() {
	local name=$1 opts=$2; shift 2
	echo "Run $name..." >&2
	jfr=()
	[ "${BENCH_JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$out/$name.jfr,settings=profile")
	launch=$(date +%s%3N)
	# shellcheck disable=SC2046,SC2086
	java $opts "${jfr[@]}" -jar "$jar" --server.port="$app_port" --booking.embedded.data-dir="$work/data-$name" \
		--booking.temporal.mode=dev-server --booking.temporal.dev-server.port="$temporal_port" \
		--booking.temporal.dev-server.ui-port="$temporal_ui_port" --booking.admin.api-key=bench-admin-key \
		$(rules 5) "$@" > "$out/$name.log" 2>&1 &
	app_pid=$!; pids+=("$app_pid")
	local wrk=
	[ "${BENCH_WRK:-1}" = 1 ] && command -v wrk > /dev/null && wrk=bench/book.lua
	java -Dseconds="$seconds" -Dslot=5 -Dwarmup="${BENCH_WARMUP:-12000}" -Dwrk="$wrk" bench/LoadGen.java request "http://127.0.0.1:$app_port" "$app_pid" "$launch" \
		"$out/$name.txt" 0 "$work/data-$name"
	stop "$app_pid"
}

# As root, PostgreSQL's server runs as the postgres user (it refuses root).
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A PostgreSQL of Debian's binaries (fsync on, the default) on BENCH_PORT+4, database booking.
start_postgres() {
	[ -f "$work/pg/PG_VERSION" ] && return 0
	mkdir -p "$work/pg"
	if [ "$(id -u)" = 0 ]; then chmod o+x "$work"; chown postgres "$work/pg"; fi
	as_pg "$pg_bin/initdb" -D "$work/pg" -U booking --auth=trust > "$work/initdb.log"
	as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/postgres.log" -w \
		-o "-p $pg_port -k '' -c listen_addresses=127.0.0.1" start > /dev/null
	"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U booking booking
}

run_split() {
	local name=split
	echo "Run $name..." >&2
	start_postgres
	start_wiremock 0 0
	nice -n "${BENCH_SPLIT_NICE:-10}" temporal server start-dev --headless --ip 127.0.0.1 --port "$temporal_port" \
		--db-filename "$work/split-temporal.db" --log-level error --sqlite-pragma journal_mode=wal \
		--sqlite-pragma synchronous=normal > "$work/temporal.log" 2>&1 &
	temporal_pid=$!; pids+=("$temporal_pid")
	await_port "$temporal_port"
	db=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/booking" --spring.datasource.username=booking
		--spring.datasource.password=booking --spring.temporal.connection.target="127.0.0.1:$temporal_port")
	launch=$(date +%s%3N)
	# shellcheck disable=SC2046,SC2086
	java ${BENCH_JAVA_OPTS-} -jar "$jar" --server.port="$app_port" --booking.worker.enabled=false "${db[@]}" \
		--booking.embedded.data-dir="$work/data-$name" "${integrations[@]}" --booking.rate-limit.enabled=false \
		--booking.admin.api-key=bench-admin-key $(rules 15) > "$out/$name.log" 2>&1 &
	app_pid=$!; pids+=("$app_pid")
	await_port "$app_port"
	nice -n "${BENCH_SPLIT_NICE:-10}" java ${BENCH_JAVA_OPTS-} -jar "$worker_jar" --server.port=$((port + 5)) "${db[@]}" "${integrations[@]}" \
		> "$out/$name-worker.log" 2>&1 &
	worker_pid=$!; pids+=("$worker_pid")
	java -Dseconds="$seconds" -Drate="${BENCH_RATE:-100}" -DsplitWarmup="${BENCH_SPLIT_WARMUP:-1000}" bench/LoadGen.java split "http://127.0.0.1:$app_port" \
		"$app_pid" "$launch" "$out/$name.txt" "$temporal_pid" "$work/data-$name" "$worker_pid"
	stop "$worker_pid"; stop "$app_pid"; stop "$temporal_pid"; stop "$wiremock_pid"
}

run_bound() {
	echo "Run bound..." >&2
	# The dev server as the service starts it: SQLite in write-ahead-log mode.
	BOUND_SERVER_ARGS=${BOUND_SERVER_ARGS-"--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal"} \
		BENCH_PORT=$((port + 10)) bench/bound.sh 500 | tee "$work/bound.log" >&2
	{
		awk '/completed/ { for (i = 1; i < NF; i++) if ($i == "completed/s") n = $(i + 1) } END { print "bound_completed_per_s=" n }' \
			"$work/bound.log"
		awk '/dev server CPU/ { print "bound_cpu_ms=" $4 }' "$work/bound.log"
	} > "$out/bound.txt"
}

# pgbench: the transaction a PostgreSQL-backed bucket costs each request (Bucket4j's select-for-update proxy).
run_bucket() {
	echo "Run bucket..." >&2
	start_postgres
	local psql=("$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U booking booking)
	"${psql[@]}" -c "CREATE TABLE IF NOT EXISTS bucket (id bigint PRIMARY KEY, state bytea)" \
		-c "INSERT INTO bucket SELECT g, '\\x00' FROM generate_series(1, 16) g ON CONFLICT DO NOTHING"
	cat > "$work/bucket.sql" <<-'SQL'
		\set id random(1, :keys)
		BEGIN;
		SELECT state FROM bucket WHERE id = :id FOR UPDATE;
		UPDATE bucket SET state = '\x0102030405060708' WHERE id = :id;
		COMMIT;
	SQL
	: > "$out/bucket.txt"
	for keys in 1 16; do
		"$pg_bin/pgbench" -n -h 127.0.0.1 -p "$pg_port" -U booking -c 16 -j 2 -T "$seconds" -D keys=$keys \
			-f "$work/bucket.sql" booking > "$work/bucket-$keys.log" 2>&1
		awk -v k=$keys '/^tps/ { printf "bucket%s_per_s=%.0f\n", k, $3 } /latency average/ { print "bucket" k "_avg_ms=" $4 }' \
			"$work/bucket-$keys.log" >> "$out/bucket.txt"
	done
}

run_scale() {
	local columns=()
	for run in $runs; do
		case $run in
			request) run_request request "${BENCH_JAVA_OPTS-}" --booking.rate-limit.enabled=false ;;
			request-limit) run_request request-limit "${BENCH_JAVA_OPTS-}" --booking.rate-limit.enabled=true \
				--booking.rate-limit.requests-per-minute=100000000 ;;
			small) run_request small "$small_opts" --booking.rate-limit.enabled=false ;;
			split) run_split ;;
			bound) run_bound ;;
			bucket) run_bucket ;;
			*) echo "unknown run $run" >&2; exit 2 ;;
		esac
		columns+=("$run")
	done
	BENCH_TABLE=scale bench/table.sh "$out" "${columns[@]}"
}

case $suite in
	sync) run_sync ;;
	scale) run_scale ;;
	*) echo "usage: bench/run.sh [sync|scale]" >&2; exit 2 ;;
esac

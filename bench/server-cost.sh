#!/usr/bin/env bash
# What the booking workflows cost the Temporal server, counted rather than timed: starts the CLI's dev server (with
# its Prometheus endpoint) and the app beside it, books COST_BOOKINGS bookings one after another, waits until every
# workflow has synced and sits waiting, then prints, per booking, the dev server's persistence requests by operation
# (a count: the same on a busy machine as on an idle one) and its CPU time (noisy under contention).
#
# Environment: COST_BOOKINGS (40); COST_PORT (18700) first of the four ports used; COST_JAR (api/target/booking-api.jar);
# COST_DEV_ARGS extra `temporal server start-dev` flags (e.g. "--dynamic-config-value system.enableActivityEagerExecution=true").
set -euo pipefail
cd "$(dirname "$0")/.."
bookings=${COST_BOOKINGS:-40}
port=${COST_PORT:-18700}
app_port=$port temporal_port=$((port + 1)) metrics_port=$((port + 2))
jar=${COST_JAR:-api/target/booking-api.jar}
work=$(mktemp -d /tmp/server-cost.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; sleep 2; rm -rf "$work"; }
trap cleanup EXIT

await_port() {
	for _ in $(seq 1 1200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
	echo "nothing listens on port $1" >&2; return 1
}

# shellcheck disable=SC2086
temporal server start-dev --headless --ip 127.0.0.1 --port "$temporal_port" --metrics-port "$metrics_port" \
	--db-filename "$work/temporal.db" --log-level error ${COST_DEV_ARGS:-} \
	--search-attribute BookingId=Keyword --search-attribute BookingStatus=Keyword \
	--search-attribute CalendarSync=Keyword --search-attribute CrmSync=Keyword \
	--search-attribute CalendarConflict=Keyword > "$work/temporal.log" 2>&1 &
temporal_pid=$!; pids+=("$temporal_pid")
await_port "$temporal_port"
java -jar "$jar" --server.port="$app_port" --booking.embedded.data-dir="$work/data" \
	--spring.temporal.connection.target="127.0.0.1:$temporal_port" --spring.temporal.test-server.enabled=false \
	--booking.rate-limit.enabled=false --booking.rules.time-zone=UTC --booking.rules.slot-step=15m \
	--booking.rules.min-duration=15m --booking.rules.default-duration=15m --booking.rules.buffer=0m \
	--booking.rules.max-advance=400d --booking.rules.business-hours.MONDAY=00:00-24:00 \
	--booking.rules.business-hours.TUESDAY=00:00-24:00 --booking.rules.business-hours.WEDNESDAY=00:00-24:00 \
	--booking.rules.business-hours.THURSDAY=00:00-24:00 --booking.rules.business-hours.FRIDAY=00:00-24:00 \
	--booking.rules.business-hours.SATURDAY=00:00-24:00 --booking.rules.business-hours.SUNDAY=00:00-24:00 \
	> "$work/app.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 1800); do curl -sf "http://127.0.0.1:$app_port/actuator/health" > /dev/null && break; sleep 0.2; done

metrics() { curl -s "http://127.0.0.1:$metrics_port/metrics"; }
# Persistence and visibility requests by operation, summed over services, as "operation count" lines.
persistence() {
	metrics | awk '/^(visibility_)?persistence_requests\{/ { match($0, /operation="[^"]*"/);
		op = substr($0, RSTART + 11, RLENGTH - 12); if ($0 ~ /^visibility/) op = "visibility:" op; sum[op] += $NF }
		END { for (op in sum) print op, sum[op] }' | sort
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$temporal_pid/stat"; }
# Workflows still syncing, as the server's visibility counts them.
unsettled() {
	temporal workflow count --address "127.0.0.1:$temporal_port" \
		--query 'ExecutionStatus="Running" AND (CalendarSync="PENDING" OR CrmSync="PENDING")' -o json |
		grep -o '"count": *"\{0,1\}[0-9]*' | grep -o '[0-9]*$' || echo 0 # none: "{}"
}

persistence > "$work/before"; ticks_before=$(cpu_ticks)
start=$(date -u -d "+2 days" +%Y-%m-%dT00:00:00Z)
for n in $(seq 0 $((bookings - 1))); do
	slot=$(date -u -d "$start + $((n * 15)) minutes" +%Y-%m-%dT%H:%M:%SZ)
	curl -sf -o /dev/null -H 'Content-Type: application/json' "http://127.0.0.1:$app_port/api/bookings" \
		-d "{\"name\":\"Cost $n\",\"email\":\"cost-$n@example.com\",\"startTime\":\"$slot\"}"
done
for _ in $(seq 1 600); do [ "$(unsettled)" = 0 ] && break; sleep 1; done
sleep 5 # the emails and the last workflow tasks after the syncs
persistence > "$work/after"; ticks_after=$(cpu_ticks)

echo "Per booking ($bookings bookings, create until waiting), Temporal dev server:"
join -a 2 -e 0 -o 0,1.2,2.2 "$work/before" "$work/after" |
	awk -v n="$bookings" '{ d = $3 - $2; if (d <= 0) next; printf "  %-40s %6.1f\n", $1, d / n
			# Executions, histories and their tasks; the rest (namespace and cluster metadata) is polled by time.
			if ($1 ~ /^visibility:/) vis += d; else if ($1 ~ /Workflow|Tasks|History/) work += d }
		END { printf "  %-40s %6.1f\n  %-40s %6.1f\n", "persistence: executions, histories, tasks", work / n,
			"visibility store requests", vis / n }'
hz=$(getconf CLK_TCK)
awk -v a="$ticks_after" -v b="$ticks_before" -v n="$bookings" -v hz="$hz" \
	'BEGIN { printf "  %-40s %6.1f\n", "CPU ms (noisy under contention)", (a - b) * 1000 / hz / n }'

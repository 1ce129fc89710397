#!/usr/bin/env bash
# Prints the benchmark table from the results bench/run.sh left in $1, one column per run named in $2...;
# BENCH_TABLE=scale: the rows of bench/run.sh scale.
set -euo pipefail
dir=$1; shift
if [ "${BENCH_TABLE:-sync}" = scale ]; then rows=(
	"flat_per_s|bookings/s, 16 clients flat out"
	"flat_p50_ms|  POST p50 (ms)"
	"flat_p99_ms|  POST p99 (ms)"
	"flat_max_ms|  POST max (ms)"
	"flat_errors|  non-201 answers"
	"cpu_ms_request|  CPU ms/booking: request threads"
	"cpu_ms_jvm_other|    rest of the JVM"
	"cpu_ms_postgres|    PostgreSQL"
	"cpu_ms_temporal_server|    Temporal dev server"
	"idle_rss_mb|RSS idle: JVM (MB)"
	"idle_rss_children_mb|  PostgreSQL + dev server (MB, PSS)"
	"idle_rss_total_mb|  all (MB)"
	"rss_mb|RSS after flat out: JVM (MB)"
	"rss_children_mb|  PostgreSQL + dev server (MB, PSS)"
	"rss_total_mb|  all (MB)"
	"rate_p50_ms|POST p50 at BENCH_RATE/s offered (ms)"
	"rate_p99_ms|  POST p99 (ms)"
	"rate_max_ms|  POST max (ms)"
	"rate_errors|  non-201 answers"
	"rate_synced_after_s|  all synced, s after the phase"
	"cpu_ms_api|  CPU ms/booking: API instance, during it"
	"cpu_ms_sync_worker|CPU ms/synced booking: worker"
	"cpu_ms_sync_server|  Temporal dev server"
	"bound_completed_per_s|dev server alone: no-op workflows/s"
	"bound_cpu_ms|  its CPU ms/workflow"
	"bucket1_per_s|PostgreSQL bucket, one client: tx/s"
	"bucket1_avg_ms|  latency (ms)"
	"bucket16_per_s|  16 clients: tx/s"
	"bucket16_avg_ms|  latency (ms)"
); else rows=(
	"startup_s|start-up (s)"
	"flat_per_s|bookings/s, 16 clients flat out"
	"flat_p50_ms|  POST p50 (ms)"
	"flat_p99_ms|  POST p99 (ms)"
	"flat_max_ms|  POST max (ms)"
	"flat_errors|  non-201 answers"
	"flat_synced_after_s|  all synced, s after the run"
	"rate_p50_ms|POST p50 at 100/s offered (ms)"
	"rate_p99_ms|  POST p99 (ms)"
	"rate_max_ms|  POST max (ms)"
	"burst_synced_after_s|400-booking burst synced, s after its end"
	"list1_warm_p50_ms|1-day listing warm p50 (ms)"
	"list1_warm_p99_ms|  warm p99 (ms)"
	"list1_cold_p50_ms|  cold p50 (ms)"
	"list30_warm_p50_ms|30-day listing warm p50 (ms)"
	"list30_warm_p99_ms|  warm p99 (ms)"
	"list30_cold_p50_ms|  cold p50 (ms)"
	"cpu_ms_request|CPU ms/booking: request threads"
	"cpu_ms_jvm_other|  rest of the JVM (sync, GC, JIT)"
	"cpu_ms_postgres|  PostgreSQL"
	"cpu_ms_temporal_server|  Temporal dev server"
	"rss_mb|RSS of the JVM (MB)"
	"rss_peak_mb|  peak (MB)"
	"rss_children_mb|  + PostgreSQL and dev server (MB)"
	"loadgen_cpu_pct|load generator CPU (% of a core)"
); fi
printf '| %-42s |' "metric"; for c in "$@"; do printf ' %s |' "$c"; done; echo
printf '| %-42s |' "---"; for c in "$@"; do printf ' %s |' "---"; done; echo
for row in "${rows[@]}"; do
	key=${row%%|*} label=${row#*|}
	printf '| %-42s |' "$label"
	for c in "$@"; do
		value=$(grep -m1 "^$key=" "$dir/$c.txt" 2>/dev/null | cut -d= -f2 || true)
		printf ' %s |' "${value:--}"
	done
	echo
done

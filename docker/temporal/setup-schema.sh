#!/bin/sh
# Creates (first run) or upgrades (later runs) Temporal's two PostgreSQL databases. Runs in the
# temporalio/admin-tools image before the server starts; safe to run again on every `up`.
set -eu

: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
DB_PORT="${DB_PORT:-5432}"
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

sql_tool() {
	temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "$DB_PORT" "$@"
}

# Each step is idempotent: "create" fails harmlessly on an existing database, "setup-schema -v 0.0"
# leaves a versioned schema alone, and "update-schema" applies only the versions not yet applied.
setup_database() {
	db="$1"
	schema_dir="$2"
	sql_tool --db "$db" create || echo "Database $db exists already"
	sql_tool --db "$db" setup-schema -v 0.0
	sql_tool --db "$db" update-schema -d "$schema_dir"
}

until nc -z "$POSTGRES_SEEDS" "$DB_PORT"; do
	echo "Waiting for PostgreSQL at $POSTGRES_SEEDS:$DB_PORT"
	sleep 1
done

setup_database temporal "$SCHEMA_ROOT/temporal/versioned"
setup_database temporal_visibility "$SCHEMA_ROOT/visibility/versioned"
echo "Temporal schema is up to date"

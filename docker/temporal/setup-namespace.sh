#!/bin/sh
# Creates the namespace and the booking service's search attributes once the server answers.
# Runs in the temporalio/admin-tools image; safe to run again on every `up`. The booking app also
# registers the search attributes at startup and tolerates "already exists".
set -eu

NAMESPACE="${NAMESPACE:-default}"
RETENTION="${NAMESPACE_RETENTION:-7d}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"

attempt=0
until temporal operator cluster health; do
	attempt=$((attempt + 1))
	if [ "$attempt" -ge 60 ]; then
		echo "Temporal at $TEMPORAL_ADDRESS did not become healthy"
		exit 1
	fi
	echo "Waiting for Temporal at $TEMPORAL_ADDRESS"
	sleep 2
done

if temporal operator namespace describe --namespace "$NAMESPACE" > /dev/null 2>&1; then
	echo "Namespace $NAMESPACE exists"
else
	temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION"
	echo "Created namespace $NAMESPACE (retention $RETENTION)"
fi

existing="$(temporal operator search-attribute list --namespace "$NAMESPACE")"
for name in BookingId BookingStatus CalendarSync CrmSync MailSync WebhookSync CalendarConflict CalendarDrift; do
	if printf '%s\n' "$existing" | grep -qw "$name"; then
		echo "Search attribute $name exists"
	else
		temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type Keyword
		echo "Created search attribute $name (Keyword)"
	fi
done

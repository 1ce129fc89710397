#!/usr/bin/env bash
# Writes WireMock mappings standing in for Google Calendar and HubSpot into $1/mappings.
# $2: delay of the writes (events, contacts, meetings) in ms; $3: delay of Google's free/busy in ms.
set -euo pipefail
dir="$1/mappings"; writes="$2"; freebusy="$3"
mkdir -p "$dir"
n=0
json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
stub() { # method urlPattern status delay body [priority]
	n=$((n + 1))
	cat > "$dir/$n.json" <<JSON
{"priority": ${6:-5}, "request": {"method": "$1", "urlPathPattern": "$2"},
 "response": {"status": $3, "fixedDelayMilliseconds": $4, "headers": {"Content-Type": "application/json"}, "body": $(json_string "$5")}}
JSON
}
stub POST '/token' 200 0 '{"access_token": "ya29.bench", "expires_in": 3599, "token_type": "Bearer"}'
stub POST '/calendar/v3/freeBusy' 200 "$freebusy" '{"kind": "calendar#freeBusy", "calendars": {"bench@group.calendar.google.com": {"busy": []}}}'
# events.list: in full (the mirror's first sync, and the sync's clash check, both with timeMin) it ends with a sync
# token; with that token (the mirror's poll) nothing changed since. The poll answers after the free/busy delay, like
# any read; it runs in the background, so the booking request never waits for it.
list() { # priority syncTokenMatcher delay
	n=$((n + 1))
	cat > "$dir/$n.json" <<JSON
{"priority": $1, "request": {"method": "GET", "urlPathPattern": "/calendar/v3/calendars/[^/]+/events",
  "queryParameters": {"syncToken": $2}},
 "response": {"status": 200, "fixedDelayMilliseconds": $3, "headers": {"Content-Type": "application/json"},
  "body": "{\"kind\": \"calendar#events\", \"items\": [], \"nextSyncToken\": \"bench-sync\"}"}}
JSON
}
list 4 '{"absent": true}' 0
list 4 '{"matches": ".+"}' "$freebusy"
# Insert, and patch (Google's Java client sends PATCH as POST with X-HTTP-Method-Override).
stub POST '/calendar/v3/calendars/[^/]+/events(/[^/]+)?' 200 "$writes" '{"kind": "calendar#event", "id": "bench", "status": "confirmed"}'
stub DELETE '/calendar/v3/calendars/[^/]+/events/[^/]+' 204 "$writes" ''
stub POST '/crm/v3/objects/contacts' 201 "$writes" '{"id": "101", "properties": {}, "archived": false}'
stub PATCH '/crm/v3/objects/(contacts|meetings)/[0-9]+' 200 "$writes" '{"id": "101", "properties": {}, "archived": false}'
stub POST '/crm/v3/objects/meetings/batch/upsert' 200 "$writes" '{"status": "COMPLETE", "results": [{"id": "201", "properties": {}}]}'
stub PUT '/crm/v4/objects/meetings/[0-9]+/associations/default/contacts/[0-9]+' 200 "$writes" '{"status": "COMPLETE", "results": []}'
stub POST '/crm/v3/properties/.*' 201 0 '{}'
# Health probes and anything else: a quick 200.
stub ANY '/.*' 200 0 '{"id": "bench", "timeZone": "UTC"}' 10

package com.acme.booking.workflow;

import java.util.Arrays;
import java.util.Objects;

import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;

/**
 * The search attributes a booking workflow shows. Every upsert is an event the server
 * persists and indexes for visibility, so a run upserts the values of one step together,
 * and only those that differ from what the run already shows (its start options
 * included). Workflow state: deterministic.
 */
final class ShownAttributes {

	/** Shows the values; {@code null} entries (nothing to show) are skipped. */
	void show(SearchAttributeUpdate<?>... updates) {
		SearchAttributeUpdate<?>[] wanted = Arrays.stream(updates)
			.filter(Objects::nonNull)
			.toArray(SearchAttributeUpdate<?>[]::new);
		SearchAttributes current = Workflow.getTypedSearchAttributes();
		SearchAttributeUpdate<?>[] changed = Arrays.stream(wanted)
			.filter(update -> !Objects.equals(current.get(update.getKey()), update.getValue().orElse(null)))
			.toArray(SearchAttributeUpdate<?>[]::new);
		if (changed.length > 0) {
			Workflow.upsertTypedSearchAttributes(changed);
		}
	}

}

package com.acme.booking.core;

import java.util.List;

import com.acme.booking.DatabaseSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations leave the indexes the frequency limit and the admin list rely on, and
 * none that no query uses.
 */
@DatabaseSlice
class BookingSchemaTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void hasTheIndexForThePerEmailCountAndNoneForExternalIds() {
		List<String> definitions = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'booking'")
			.query(String.class)
			.list()
			.stream()
			.map(definition -> definition.substring(definition.indexOf(" USING ")))
			.toList();

		assertThat(definitions).contains(" USING btree (lower((email)::text), created_at)")
			.doesNotContain(" USING btree (calendar_event_id)", " USING btree (crm_contact_id)");
	}

	@Test
	void refusesOverlapsWithAnExclusionConstraintOnTheBlockedRange() {
		String constraint = jdbc
			.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'booking_no_overlap'")
			.query(String.class)
			.single();

		assertThat(constraint).isEqualTo(
				"EXCLUDE USING gist (blocked WITH &&) WHERE ((((status)::text <> 'CANCELLED'::text) AND (NOT owner_clash)))");
	}

}

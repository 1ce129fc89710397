package com.acme.booking;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.acme.booking.core.BlockedRanges;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.SyncBacklog;
import com.acme.booking.message.BookingMessages;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of the SQL on the real schema: embedded PostgreSQL migrated by Flyway and the
 * repositories, nothing else. Every class with this annotation shares one context and so
 * one database. Statements commit as in the service (no test transaction rolled back), so
 * concurrent callers and the database's own constraints see each other's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ EmbeddedDatabase.class, BookingRepository.class, BlockedRanges.class, SyncBacklog.class,
		BookingMessages.class })
public @interface DatabaseSlice {

}

package com.acme.booking.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service end to end, as the API's tests run it: its own configuration with the
 * {@code test} profile on a random port, embedded PostgreSQL and the in-process Temporal
 * server. Every class with this annotation alone shares one cached context, and so one
 * database; {@link #properties()}, an imported configuration or a mocked bean make a
 * context of its own, started once more.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface RunningService {

	/** Properties on top of the {@code test} profile's. */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}

package com.acme.booking;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * A bean for the API alone: a web application that is not the worker jar (whose web
 * server serves nothing but Actuator on its management port).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnWebApplication
@ConditionalOnMissingClass("com.acme.booking.BookingWorkerApplication")
public @interface ApiOnly {

}

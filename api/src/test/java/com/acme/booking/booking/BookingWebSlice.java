package com.acme.booking.booking;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.acme.booking.availability.SlotGuard;
import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.token.ManageLinks;
import com.acme.booking.web.WebSlice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The booking endpoints over MockMvc with the real {@link BookingService}, access check
 * and ICS builder; PostgreSQL ({@link BookingRepository}), the slot guard and the
 * workflow dispatcher are mocks. One context for every test class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebSlice({ BookingController.class, BookingCalendarController.class })
@Import({ BookingService.class, ManageLinks.class, BookingIcs.class })
@EnableConfigurationProperties(BookingRulesProperties.class)
@MockitoBean(types = { BookingRepository.class, SlotGuard.class, WorkflowDispatcher.class })
@interface BookingWebSlice {

}

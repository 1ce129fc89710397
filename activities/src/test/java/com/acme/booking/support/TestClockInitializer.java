package com.acme.booking.support;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives every Spring application the tests start (in their JVM or one of its own, listed
 * in {@code META-INF/spring.factories}) the pinned {@link TestClock}: the service's
 * {@code clock} bean is moved by the pin, and a context without a {@link Clock} bean gets
 * one. Test clocks of other names (a fixed or movable one) are left as they are. Does
 * nothing when the time is not pinned.
 */
public final class TestClockInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The name of the service's own clock bean. */
	static final String CLOCK = "clock";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (!TestClock.pinned()) {
			return;
		}
		context.addBeanFactoryPostProcessor(TestClockInitializer::pin);
	}

	private static void pin(ConfigurableListableBeanFactory beans) {
		if (beans.getBeanNamesForType(Clock.class, true, false).length == 0) {
			beans.registerSingleton(CLOCK, TestClock.clock());
			return;
		}
		beans.addBeanPostProcessor(new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof Clock clock && CLOCK.equals(name) ? TestClock.shift(clock) : bean;
			}

		});
	}

}

package com.acme.booking.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar against a Temporal server that has none of the booking search attributes yet, as a real server
 * has before the compose setup step ran.
 */
class SearchAttributeRegistrarTest {

	private final TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance();

	private final SearchAttributeRegistrar registrar = new SearchAttributeRegistrar(
			temporal.getWorkflowServiceStubs(), "default");

	@AfterEach
	void close() {
		temporal.close();
	}

	@Test
	void registersEveryBookingSearchAttributeAsKeyword() {
		registrar.afterPropertiesSet();

		OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
			.setChannel(temporal.getWorkflowServiceStubs().getRawChannel())
			.validateAndBuildWithDefaults());
		for (String name : new String[] { "BookingId", "BookingStatus", "CalendarSync", "CrmSync" }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> operator.blockingStub()
					.addSearchAttributes(AddSearchAttributesRequest.newBuilder()
						.setNamespace("default")
						.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
						.build()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).as(name).isEqualTo(Status.Code.ALREADY_EXISTS));
		}
	}

	@Test
	void startsNormallyWhenTheAttributesExistAlready() {
		registrar.afterPropertiesSet();

		assertThatNoException().as("second start, e.g. after the compose setup step registered them")
			.isThrownBy(registrar::afterPropertiesSet);
	}

}

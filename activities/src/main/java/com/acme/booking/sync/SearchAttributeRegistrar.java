package com.acme.booking.sync;

import com.acme.booking.workflow.BookingTemporal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Registers the booking search attributes on a real Temporal server at startup, once
 * {@link TemporalConnection} has reached it, so the Web UI can list
 * {@code CalendarSync="MANUAL"}. "Already exists" is fine; the in-process server
 * registers them itself.
 */
@Component
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "false", matchIfMissing = true)
class SearchAttributeRegistrar {

	private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

	private final WorkflowServiceStubs stubs;

	private final String namespace;

	SearchAttributeRegistrar(WorkflowServiceStubs stubs,
			@Value("${spring.temporal.namespace:default}") String namespace) {
		this.stubs = stubs;
		this.namespace = namespace;
	}

	void register() {
		OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
			.setChannel(stubs.getRawChannel())
			.validateAndBuildWithDefaults());
		for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
			try {
				operator.blockingStub()
					.addSearchAttributes(AddSearchAttributesRequest.newBuilder()
						.setNamespace(namespace)
						.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
						.build());
				log.info("Registered search attribute {} in namespace {}", key.getName(), namespace);
			}
			catch (StatusRuntimeException ex) {
				if (ex.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
					log.debug("Search attribute {} already exists", key.getName());
				}
				else {
					log.warn("Could not register search attribute {}: {}", key.getName(), ex.getStatus());
				}
			}
		}
	}

}

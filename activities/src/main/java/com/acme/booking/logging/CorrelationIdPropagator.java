package com.acme.booking.logging;

import java.util.Map;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.GlobalDataConverter;
import org.slf4j.MDC;

/**
 * Carries the correlation id from the thread that starts or signals a workflow into the
 * workflow's and its activities' MDC. It travels in Temporal headers: a random id, never
 * personal data. A workflow keeps the id of the request that started it (its activities
 * inherit the workflow's context).
 */
public class CorrelationIdPropagator implements ContextPropagator {

	@Override
	public String getName() {
		return "correlation-id";
	}

	@Override
	public Map<String, Payload> serializeContext(Object context) {
		if (context instanceof String id) {
			return Map.of(CorrelationId.MDC_KEY, GlobalDataConverter.get().toPayload(id).orElseThrow());
		}
		return Map.of();
	}

	@Override
	public Object deserializeContext(Map<String, Payload> header) {
		Payload payload = header.get(CorrelationId.MDC_KEY);
		return payload == null ? null : GlobalDataConverter.get().fromPayload(payload, String.class, String.class);
	}

	@Override
	public Object getCurrentContext() {
		return MDC.get(CorrelationId.MDC_KEY);
	}

	@Override
	public void setCurrentContext(Object context) {
		if (context instanceof String id) {
			MDC.put(CorrelationId.MDC_KEY, id);
		}
		else {
			MDC.remove(CorrelationId.MDC_KEY);
		}
	}

}

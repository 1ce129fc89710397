package com.acme.booking.crm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * HubSpot applying writes in the order it answers them: records the bodies of the
 * requests whose stub names this listener as their answers go out, and holds the answers
 * of those stubbed with {@link #HOLD} until {@link #release()}, so a write can land after
 * a later one.
 */
final class AppliedWrites implements ServeEventListener {

	static final String NAME = "applied-writes";

	/** Stub parameters of a write held until {@link #release()}. */
	static final Parameters HOLD = Parameters.one("hold", true);

	private final List<String> applied = new CopyOnWriteArrayList<>();

	private final AtomicInteger held = new AtomicInteger();

	private volatile CountDownLatch release = new CountDownLatch(0);

	@Override
	public String getName() {
		return NAME;
	}

	/** Only stubs that name it, with their parameters. */
	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public void beforeResponseSent(ServeEvent event, Parameters parameters) {
		if (parameters.getBoolean("hold", false)) {
			held.incrementAndGet();
			try {
				// Bounded, so a failing test cannot hang the server.
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		applied.add(event.getRequest().getBodyAsString());
	}

	/** Forgets what was applied; held writes wait from now on. */
	void reset() {
		applied.clear();
		held.set(0);
		release = new CountDownLatch(1);
	}

	void release() {
		release.countDown();
	}

	/** How many writes were held so far. */
	int held() {
		return held.get();
	}

	/** Request bodies in the order HubSpot applied them. */
	List<String> applied() {
		return List.copyOf(applied);
	}

}

package com.acme.booking.availability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.acme.booking.core.BookingRepository;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the slot and busy-time caches of several API instances on one database in step,
 * through PostgreSQL's {@code LISTEN/NOTIFY}: a booking change or a changed calendar
 * answer on one instance is announced on the {@value #CHANNEL} channel after it commits,
 * and every other instance drops what it cached. Payloads carry no personal data: the
 * sender's instance id and {@code bookings} or {@code busy:<date>}.
 * <p>
 * A booking change is announced off the request thread, and changes that commit while an
 * announcement is under way share the next one: every change is followed by an
 * announcement sent after it committed, but a burst of bookings costs a few
 * notifications, not one each. (PostgreSQL serialises notifying transactions on one lock
 * held until their commit is flushed, so one per booking would bound bookings per second
 * by the disk's flushes.)
 * <p>
 * One connection of the pool is held for listening. Notifications missed while it was
 * lost cannot be replayed, so after reconnecting the instance drops all its caches.
 */
@Component
class CacheNotifications implements SmartLifecycle {

	static final String CHANNEL = BookingRepository.CACHE_CHANNEL;

	private static final Logger log = LoggerFactory.getLogger(CacheNotifications.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration RECONNECT = Duration.ofSeconds(2);

	private final String instance = UUID.randomUUID().toString();

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final SlotCatalog slots;

	private final CalendarBusyCache busy;

	private volatile Thread listener;

	/** Whether a {@code bookings} announcement is queued and not yet begun. */
	private final AtomicBoolean bookingsQueued = new AtomicBoolean();

	/**
	 * The announcements' thread, from {@link #start()} to {@link #stop()}: a context
	 * stopped and started again (as the test framework pauses a cached one) gets a new
	 * one.
	 */
	private volatile ThreadPoolExecutor sender = newSender();

	CacheNotifications(DataSource dataSource, JdbcClient jdbc, SlotCatalog slots, CalendarBusyCache busy) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.slots = slots;
		this.busy = busy;
	}

	@TransactionalEventListener(classes = BookingsChanged.class, fallbackExecution = true)
	void bookingsChanged() {
		if (!bookingsQueued.compareAndSet(false, true)) {
			// The queued announcement has not begun: it is sent after this commit.
			return;
		}
		try {
			this.sender.execute(() -> {
				bookingsQueued.set(false);
				notifyOthers("bookings");
			});
		}
		catch (RejectedExecutionException shuttingDown) {
			bookingsQueued.set(false);
		}
	}

	private static ThreadPoolExecutor newSender() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("booking-cache-notify-");
		threads.setDaemon(true);
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), threads,
				new ThreadPoolExecutor.AbortPolicy());
	}

	@EventListener
	void busyTimesChanged(BusyTimesChanged changed) {
		notifyOthers("busy:" + changed.day());
	}

	private void notifyOthers(String what) {
		try {
			jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, instance + " " + what).query().singleRow();
		}
		catch (RuntimeException ex) {
			// The other instances' caches expire on their own (five minutes); the change
			// itself is committed.
			log.warn("Could not tell other instances that {} changed: {}", what, ex.toString());
		}
	}

	void received(String payload) {
		int space = payload.indexOf(' ');
		if (space < 0 || payload.substring(0, space).equals(instance)) {
			return;
		}
		String what = payload.substring(space + 1);
		if (what.startsWith("busy:")) {
			LocalDate day = LocalDate.parse(what.substring("busy:".length()));
			busy.forget(day);
			slots.busyTimesChanged(new BusyTimesChanged(day));
		}
		else {
			dropAll();
		}
	}

	private void dropAll() {
		busy.bookingsChanged();
		slots.bookingsChanged();
	}

	private void listen() {
		boolean first = true;
		while (!Thread.currentThread().isInterrupted()) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (!first) {
					dropAll();
					log.info("Listening for other instances' cache changes again");
				}
				first = false;
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (!Thread.currentThread().isInterrupted()) {
					PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							received(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
				log.warn("Lost the connection that listens for other instances' cache changes ({}); retrying in {}",
						ex.toString(), RECONNECT);
				try {
					Thread.sleep(RECONNECT.toMillis());
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	@Override
	public void start() {
		if (this.sender.isShutdown()) {
			this.sender = newSender();
		}
		Thread thread = new Thread(this::listen, "booking-cache-notifications");
		thread.setDaemon(true);
		listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		ThreadPoolExecutor stopping = this.sender;
		stopping.shutdown();
		try {
			// An announcement under way or queued goes out before the pool closes.
			stopping.awaitTermination(POLL.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Thread thread = listener;
		listener = null;
		if (thread != null) {
			thread.interrupt();
			try {
				// Give the listening connection back before the pool closes.
				thread.join(POLL.multipliedBy(4).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return listener != null;
	}

}

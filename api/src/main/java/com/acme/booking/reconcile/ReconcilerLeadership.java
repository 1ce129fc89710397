package com.acme.booking.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which API instance runs the reconciler: the one holding a PostgreSQL session-level
 * advisory lock, kept on a connection of its own for as long as it leads. The others try
 * again at each of their passes. The lock belongs to the session, so a leader that stops,
 * is killed or loses its database connection gives it up with that session, and the next
 * instance to try takes over within one interval.
 */
final class ReconcilerLeadership {

	/** The service's advisory lock key for the reconciler; nothing else locks it. */
	static final long LOCK = 0x626f6f6b696e67L;

	private static final Logger log = LoggerFactory.getLogger(ReconcilerLeadership.class);

	private static final int VALIDATION_SECONDS = 2;

	private final DataSource dataSource;

	private final long key;

	private Connection held;

	ReconcilerLeadership(DataSource dataSource, long key) {
		this.dataSource = dataSource;
		this.key = key;
	}

	/** Whether this instance leads now; takes the lead when nobody holds it. */
	synchronized boolean leads() {
		if (held != null) {
			if (alive(held)) {
				return true;
			}
			log.warn("Reconciler: lost the lead with the database connection; trying to take it again");
			discard(held);
			held = null;
		}
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			if (tryLock(connection)) {
				held = connection;
				log.info("Reconciler: this instance leads (PostgreSQL advisory lock {})", key);
				return true;
			}
			close(connection);
			return false;
		}
		catch (SQLException ex) {
			close(connection);
			log.debug("Reconciler: could not try the lead: {}", ex.toString());
			return false;
		}
	}

	/**
	 * Gives the lead up for another instance to take; the connection goes back to the
	 * pool without the lock.
	 */
	synchronized void release() {
		if (held == null) {
			return;
		}
		try (PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			unlock.setLong(1, key);
			unlock.execute();
		}
		catch (SQLException ex) {
			// Gone, or not answering: ended rather than pooled, with its lock.
			discard(held);
			held = null;
			return;
		}
		close(held);
		held = null;
	}

	private boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, key);
			try (ResultSet result = lock.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static boolean alive(Connection connection) {
		try {
			return connection.isValid(VALIDATION_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Ends the session of a connection that stopped answering, rather than giving it back
	 * to the pool as it is: the session may still be alive and hold the lock, and in the
	 * pool it would keep the lead from every instance, or stack the lock when this
	 * instance took it again on the same session, so that letting it go once would not
	 * free it.
	 */
	private static void discard(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException ex) {
			log.debug("Reconciler: could not end the lost session: {}", ex.toString());
		}
		close(connection);
	}

	private static void close(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Broken already: nothing left to release.
		}
	}

}

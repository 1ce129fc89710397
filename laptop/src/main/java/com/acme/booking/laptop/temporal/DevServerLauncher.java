package com.acme.booking.laptop.temporal;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.acme.booking.config.LocalPorts;
import com.acme.booking.config.OwnerOnly;
import com.acme.booking.laptop.Orphans;
import com.acme.booking.workflow.BookingTemporal;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@code temporal server start-dev} as a child process on the service's data
 * folder: SQLite in {@code temporal.db}, output in {@code temporal.log}, its pid in
 * {@code temporal.pid}, the booking search attributes registered. A dev server left
 * running by a start that was killed ({@code kill -9}) is recognised by its pid file and
 * ended first, so it never holds the ports or the database of the next start.
 */
final class DevServerLauncher {

	private static final Logger log = LoggerFactory.getLogger(DevServerLauncher.class);

	private static final String HOST = "127.0.0.1";

	private static final Map<IndexedValueType, String> CLI_TYPES = Map.of(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
			"Keyword", IndexedValueType.INDEXED_VALUE_TYPE_TEXT, "Text", IndexedValueType.INDEXED_VALUE_TYPE_INT, "Int",
			IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE, "Double", IndexedValueType.INDEXED_VALUE_TYPE_BOOL, "Bool",
			IndexedValueType.INDEXED_VALUE_TYPE_DATETIME, "Datetime", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
			"KeywordList");

	private DevServerLauncher() {
	}

	static DevServer start(Path binary, String source, TemporalServerProperties.DevServer settings, Path dataDir,
			String namespace) throws IOException {
		Path dir = OwnerOnly.folder(dataDir);
		Path database = dir.resolve("temporal.db");
		Path pidFile = dir.resolve("temporal.pid");
		Path logFile = dir.resolve("temporal.log");
		endOrphan(pidFile, database);
		int port = portToUse(settings.port(), "booking.temporal.dev-server.port");
		int uiPort = portToUse(settings.uiPort(), "booking.temporal.dev-server.ui-port");
		List<String> command = new ArrayList<>(niced(settings.niceness(), System.getenv("PATH")));
		command.addAll(command(binary, namespace, port, uiPort, database, settings.sqlitePragmas()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			// A file, not a pipe: after a kill -9 of the service the child must not die
			// of a broken pipe mid-write.
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.start();
		DevServer server = new DevServer(process, HOST + ":" + port, "http://localhost:" + uiPort, database, pidFile,
				binary + " from " + source);
		try {
			Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8);
			awaitReady(process, server.target(), namespace, settings.startupTimeout(), logFile);
			return server;
		}
		catch (IOException | RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	static List<String> command(Path binary, String namespace, int port, int uiPort, Path database,
			List<String> sqlitePragmas) {
		List<String> command = new ArrayList<>(List.of(binary.toString(), "server", "start-dev", "--ip", HOST, "--port",
				String.valueOf(port), "--ui-port", String.valueOf(uiPort), "--db-filename", database.toString(),
				"--namespace", namespace, "--log-level", "warn"));
		for (var key : BookingTemporal.SEARCH_ATTRIBUTES) {
			command.add("--search-attribute");
			command.add(key.getName() + "=" + CLI_TYPES.get(key.getValueType()));
		}
		for (String pragma : sqlitePragmas) {
			command.add("--sqlite-pragma");
			command.add(pragma);
		}
		return command;
	}

	/**
	 * {@code nice -n <niceness>} to put before the command, or nothing where there is no
	 * {@code nice} on the PATH (or the niceness is 0). {@code nice} executes the command
	 * in its own process, so the pid stays the dev server's.
	 */
	static List<String> niced(int niceness, String path) {
		if (niceness == 0 || path == null) {
			return List.of();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path nice = Path.of(dir.isEmpty() ? "." : dir, "nice");
			if (Files.isExecutable(nice)) {
				return List.of(nice.toString(), "-n", String.valueOf(niceness));
			}
		}
		log.debug("No nice on the PATH: the Temporal dev server runs at the service's priority");
		return List.of();
	}

	/**
	 * Ends the dev server a killed earlier start left behind on this data, if its pid
	 * file says there is one.
	 */
	static void endOrphan(Path pidFile, Path database) throws IOException {
		Orphans.end(pidFile, database.toString(), "Temporal dev server");
		Files.deleteIfExists(pidFile);
	}

	/**
	 * The configured port, checked free; for 0 one of {@link LocalPorts}, not a
	 * {@code bind(0)} port another server may take before the dev server binds it.
	 */
	private static int portToUse(int configured, String property) throws IOException {
		int port = configured == 0 ? LocalPorts.free() : configured;
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + configured + " is in use by another process; set " + property
					+ " to a free port, or point spring.temporal.connection.target at the Temporal server there", ex);
		}
	}

	private static void awaitReady(Process process, String target, String namespace, Duration timeout, Path logFile)
			throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
		try {
			StatusRuntimeException last = null;
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The Temporal dev server exited with code " + process.exitValue()
							+ "; its output:\n" + tail(logFile));
				}
				try {
					WorkflowServiceGrpc.newBlockingStub(channel)
						.withDeadlineAfter(1, TimeUnit.SECONDS)
						.describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
					return;
				}
				catch (StatusRuntimeException ex) {
					last = ex;
				}
				sleep();
			}
			throw new IllegalStateException("The Temporal dev server did not answer within " + timeout + " (" + last
					+ "); its output:\n" + tail(logFile));
		}
		finally {
			channel.shutdownNow();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the Temporal dev server", ex);
		}
	}

	private static String tail(Path logFile) throws IOException {
		List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}

}

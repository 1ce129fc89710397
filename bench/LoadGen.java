import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load generator of the booking benchmark ({@code bench/run.sh}, docs/performance.md), run as a source file in a
 * process of its own. {@code key <file> <token-uri>} writes a throw-away service-account key; {@code run <base-url>
 * <app-pid> <launch-epoch-ms> <results-file> <temporal-pid or 0> <data-dir>} waits for the service, then measures listing, flat-out booking,
 * booking at a fixed rate and a burst, and appends {@code name=value} lines to the results file.
 */
public class LoadGen {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	static final String ADMIN_KEY = "bench-admin-key";

	static final int CLIENTS = Integer.getInteger("clients", 16);

	static final int SECONDS = Integer.getInteger("seconds", 20);

	static final int RATE = Integer.getInteger("rate", 100);

	static final int BURST = Integer.getInteger("burst", 400);

	/** Minutes between the slots booked (and each booking's length). */
	static final int SLOT_MINUTES = Integer.getInteger("slot", 15);

	/** Bookings sent flat out, not measured, before the request path's flat-out phase. */
	static final int WARMUP = Integer.getInteger("warmup", 12000);

	/** Bookings before the split run's measured phase (synced before it starts), so its JVM runs compiled code. */
	static final int SPLIT_WARMUP = Integer.getInteger("splitWarmup", 1000);

	final String base;

	final long appPid;

	/** A Temporal server the service talks to but did not start (its CPU counts as the server's), or 0. */
	final long temporalPid;

	/** The service's data folder: PostgreSQL runs as a daemon, found by its data directory under it. */
	final String dataDir;

	final Map<String, String> results = new LinkedHashMap<>();

	/** Slots are {@link #SLOT_MINUTES}-minute steps from the day after tomorrow (UTC, open all day), each used once. */
	final AtomicInteger slot = new AtomicInteger();

	final Instant firstSlot = LocalDate.now(ZoneOffset.UTC).plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();

	LoadGen(String base, long appPid, long temporalPid, String dataDir) {
		this.base = base;
		this.appPid = appPid;
		this.temporalPid = temporalPid;
		this.dataDir = dataDir;
	}

	public static void main(String[] args) throws Exception {
		if (args[0].equals("key")) {
			writeKey(Path.of(args[1]), args[2]);
			return;
		}
		LoadGen gen = new LoadGen(args[1], Long.parseLong(args[2]), Long.parseLong(args[5]), args[6]);
		gen.awaitReady(Long.parseLong(args[3]));
		switch (args[0]) {
			case "request" -> gen.requestPath();
			case "split" -> gen.split(Long.parseLong(args[7]));
			default -> gen.measure();
		}
		StringBuilder out = new StringBuilder();
		gen.results.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
		Files.writeString(Path.of(args[4]), out, StandardCharsets.UTF_8);
		System.exit(0);
	}

	void awaitReady(long launchEpochMs) throws Exception {
		while (true) {
			try {
				// Any answer: Tomcat starts listening once the context is up.
				send(get("/api/health"));
				break;
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		results.put("startup_s", String.format("%.1f", (System.currentTimeMillis() - launchEpochMs) / 1000.0));
	}

	void measure() throws Exception {
		closedLoop(200, 200);  // JIT warm-up, not measured
		listings();
		Cpu before = Cpu.of(appPid, temporalPid, dataDir);
		long ownBefore = ownCpuNanos();
		Run flat = closedLoop(SECONDS * 1000, Integer.MAX_VALUE);
		Cpu during = Cpu.of(appPid, temporalPid, dataDir);
		long ownDuring = ownCpuNanos();
		double syncedAfter = awaitSynced(flat.ids);
		Cpu after = Cpu.of(appPid, temporalPid, dataDir);
		flat.report("flat", results);
		results.put("flat_synced_after_s", String.format("%.1f", syncedAfter));
		results.put("loadgen_cpu_pct", String.format("%.0f", 100.0 * (ownDuring - ownBefore) / flat.elapsedNanos));
		int n = flat.ids.size();
		results.put("cpu_ms_request", String.format("%.2f", during.minus(before).request / 1e6 / n));
		Cpu total = after.minus(before);
		results.put("cpu_ms_request_total", String.format("%.2f", total.request / 1e6 / n));
		results.put("cpu_ms_jvm_other", String.format("%.2f", total.other / 1e6 / n));
		results.put("cpu_ms_postgres", String.format("%.2f", total.postgres / 1e6 / n));
		results.put("cpu_ms_temporal_server", String.format("%.2f", total.temporal / 1e6 / n));
		awaitSynced(openLoop().ids);
		Run burst = closedLoop(Integer.MAX_VALUE, BURST);
		results.put("burst_synced_after_s", String.format("%.1f", awaitSynced(burst.ids)));
		results.put("rss_mb", String.valueOf(Cpu.rssKb(appPid, "VmRSS") / 1024));
		results.put("rss_peak_mb", String.valueOf(Cpu.rssKb(appPid, "VmHWM") / 1024));
		results.put("rss_children_mb", String.valueOf(Cpu.helpersRssKb(appPid, temporalPid, dataDir) / 1024));
	}

	/**
	 * The request path alone (integrations off): RSS idle, a warm-up, then {@link #CLIENTS}
	 * clients flat out for {@link #SECONDS}, CPU per booking during it, and RSS at its end.
	 */
	void requestPath() throws Exception {
		Thread.sleep(5000);
		rss("idle_");
		closedLoop(Integer.MAX_VALUE, WARMUP);
		String wrk = System.getProperty("wrk", "");
		Cpu before = Cpu.of(appPid, temporalPid, dataDir);
		int n;
		if (wrk.isEmpty()) {
			Run flat = closedLoop(SECONDS * 1000, Integer.MAX_VALUE);
			flat.report("flat", results);
			n = flat.ids.size();
		}
		else {
			n = wrk(wrk);
		}
		Cpu during = Cpu.of(appPid, temporalPid, dataDir).minus(before);
		n = Math.max(1, n);
		results.put("cpu_ms_request", String.format("%.2f", during.request / 1e6 / n));
		results.put("cpu_ms_jvm_other", String.format("%.2f", during.other / 1e6 / n));
		results.put("cpu_ms_postgres", String.format("%.2f", during.postgres / 1e6 / n));
		results.put("cpu_ms_temporal_server", String.format("%.2f", during.temporal / 1e6 / n));
		rss("");
	}

	/**
	 * An API-only instance beside a worker process: {@link #RATE} bookings a second offered
	 * for {@link #SECONDS} while the syncs run, the API instance's CPU per booking during
	 * that phase, then the CPU per synced booking of the worker and the Temporal server,
	 * from the phase's start until all are synced.
	 */
	void split(long workerPid) throws Exception {
		Run warm = closedLoop(Integer.MAX_VALUE, SPLIT_WARMUP);
		awaitSynced(warm.ids);
		long workerBefore = Cpu.processNanos(workerPid);
		long serverBefore = Cpu.processNanos(temporalPid);
		long apiBefore = Cpu.processNanos(appPid);
		Run run = openLoop();
		long api = Cpu.processNanos(appPid) - apiBefore;
		double syncedAfter = awaitSynced(run.ids);
		int n = Math.max(1, run.ids.size());
		results.put("rate_synced_after_s", String.format("%.1f", syncedAfter));
		results.put("cpu_ms_sync_worker", String.format("%.1f", (Cpu.processNanos(workerPid) - workerBefore) / 1e6 / n));
		results.put("cpu_ms_sync_server", String.format("%.1f", (Cpu.processNanos(temporalPid) - serverBefore) / 1e6 / n));
		results.put("cpu_ms_api", String.format("%.2f", api / 1e6 / n));
	}

	/**
	 * The flat-out phase from wrk ({@code bench/book.lua}: 2 threads, {@link #CLIENTS}
	 * connections, slots after those booked so far); its results under {@code flat_}.
	 * @return the bookings made
	 */
	int wrk(String script) throws Exception {
		int threads = 2;
		ProcessBuilder builder = new ProcessBuilder("wrk", "--threads", String.valueOf(threads), "--connections",
				String.valueOf(CLIENTS), "--duration", SECONDS + "s", "--latency", "--script", script, base);
		builder.environment().put("BENCH_FIRST_SLOT", String.valueOf(firstSlot.getEpochSecond()));
		builder.environment().put("BENCH_SLOT", String.valueOf(SLOT_MINUTES));
		builder.environment().put("BENCH_SKIP", String.valueOf(slot.get()));
		builder.environment().put("BENCH_WRK_THREADS", String.valueOf(threads));
		Process process = builder.redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		System.err.print(out);
		long requests = Long.parseLong(find(out, "(\\d+) requests in"));
		long refused = Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)", "0"))
				+ Long.parseLong(find(out, "Socket errors:.*?timeout (\\d+)", "0"));
		double seconds = Double.parseDouble(find(out, "requests in ([0-9.]+)s"));
		results.put("flat_p50_ms", wrkMs(find(out, "(?m)^\\s+50%\\s+(\\S+)")));
		results.put("flat_p99_ms", wrkMs(find(out, "(?m)^\\s+99%\\s+(\\S+)")));
		results.put("flat_max_ms", wrkMs(find(out, "(?m)^\\s+Latency\\s+\\S+\\s+\\S+\\s+(\\S+)")));
		results.put("flat_per_s", String.format("%.0f", (requests - refused) / seconds));
		results.put("flat_errors", String.valueOf(refused));
		slot.addAndGet((int) requests + CLIENTS);
		return (int) (requests - refused);
	}

	static String find(String text, String regex, String... fallback) {
		Matcher m = Pattern.compile(regex).matcher(text);
		if (m.find()) {
			return m.group(1);
		}
		if (fallback.length > 0) {
			return fallback[0];
		}
		throw new IllegalStateException("no " + regex + " in:\n" + text);
	}

	/** wrk's {@code 12.34ms}, {@code 1.20s}, {@code 850.00us} in milliseconds. */
	static String wrkMs(String value) {
		double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
		double ms = value.endsWith("us") ? number / 1000 : value.endsWith("ms") ? number
				: value.endsWith("m") ? number * 60_000 : number * 1000;
		return String.format("%.1f", ms);
	}

	/** RSS of the JVM and of PostgreSQL and the Temporal server, in MB, under {@code prefix}. */
	void rss(String prefix) throws IOException {
		long jvm = Cpu.rssKb(appPid, "VmRSS") / 1024;
		long helpers = Cpu.helpersRssKb(appPid, temporalPid, dataDir) / 1024;
		results.put(prefix + "rss_mb", String.valueOf(jvm));
		results.put(prefix + "rss_children_mb", String.valueOf(helpers));
		results.put(prefix + "rss_total_mb", String.valueOf(jvm + helpers));
	}

	/** 1-day and 30-day listing: warm (same range again and again), cold (right after a booking changed). */
	void listings() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(40);
		for (int days : new int[] { 1, 30 }) {
			String uri = "/api/bookings/available-slots?startDate=" + day + "&endDate=" + day.plusDays(days - 1)
					+ "&duration=15";
			List<Long> warm = new ArrayList<>();
			for (int i = 0; i < 220; i++) {
				long t = System.nanoTime();
				require(send(get(uri)), 200);
				if (i >= 20) {
					warm.add(System.nanoTime() - t);
				}
			}
			List<Long> cold = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				require(send(book()), 201);
				long t = System.nanoTime();
				require(send(get(uri)), 200);
				cold.add(System.nanoTime() - t);
			}
			results.put("list" + days + "_warm_p50_ms", ms(percentile(warm, 50)));
			results.put("list" + days + "_warm_p99_ms", ms(percentile(warm, 99)));
			results.put("list" + days + "_cold_p50_ms", ms(percentile(cold, 50)));
			results.put("list" + days + "_cold_max_ms", ms(Collections.max(cold)));
		}
	}

	/** {@link #CLIENTS} clients, each booking again as soon as it has an answer. */
	Run closedLoop(long millis, int count) throws Exception {
		Run run = new Run();
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		AtomicInteger left = new AtomicInteger(count);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		long start = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				while (System.nanoTime() < end && left.getAndDecrement() > 0) {
					long t = System.nanoTime();
					run.record(t, sendQuietly(book()));
				}
				return null;
			});
		}
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.HOURS);
		run.elapsedNanos = System.nanoTime() - start;
		return run;
	}

	/** {@link #RATE} bookings a second, whatever the answers take; latency counts from the planned send time. */
	Run openLoop() throws Exception {
		Run run = new Run();
		int total = RATE * SECONDS;
		CountDownLatch done = new CountDownLatch(total);
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		long interval = 1_000_000_000L / RATE;
		for (int i = 0; i < total; i++) {
			long planned = start + i * interval;
			timer.schedule(() -> HTTP.sendAsync(book(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
				run.record(planned, r);
				done.countDown();
			}), planned - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		done.await(10, TimeUnit.MINUTES);
		timer.shutdown();
		run.elapsedNanos = System.nanoTime() - start;
		run.report("rate", results);
		return run;
	}

	/** Seconds from now until every booking in {@code ids} reports both integrations synced. */
	double awaitSynced(List<String> ids) throws Exception {
		long start = System.nanoTime();
		List<String> pending = new ArrayList<>(ids);
		while (!pending.isEmpty()) {
			int misses = 0;
			for (var it = pending.iterator(); it.hasNext() && misses < 20;) {
				String body = send(get("/api/bookings/" + it.next())).body();
				if (body.contains("\"calendarSynced\":true") && body.contains("\"crmSynced\":true")) {
					it.remove();
				}
				else {
					misses++;
				}
			}
			if (!pending.isEmpty()) {
				Thread.sleep(200);
			}
			if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
				return Double.NaN;
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	HttpRequest book() {
		int n = slot.getAndIncrement();
		String body = "{\"name\":\"Bench " + n + "\",\"email\":\"bench-" + n + "@example.com\",\"startTime\":\""
				+ firstSlot.plus(Duration.ofMinutes((long) SLOT_MINUTES * n)) + "\",\"durationMinutes\":" + SLOT_MINUTES
				+ "}";
		return HttpRequest.newBuilder(URI.create(base + "/api/bookings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", ADMIN_KEY).GET().build();
	}

	/** Sends; a GET whose kept-alive connection the server had closed is sent again once. */
	static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException closed) {
			if (!request.method().equals("GET")) {
				throw closed;
			}
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	static HttpResponse<String> sendQuietly(HttpRequest request) {
		try {
			return send(request);
		}
		catch (IOException | InterruptedException ex) {
			return null;
		}
	}

	static void require(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": "
					+ response.body());
		}
	}

	static long ownCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	static long percentile(List<Long> values, double p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
	}

	static String ms(long nanos) {
		return String.format("%.1f", nanos / 1e6);
	}

	/** Latencies and outcomes of one phase. */
	static final class Run {

		final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

		final List<String> ids = Collections.synchronizedList(new ArrayList<>());

		final AtomicLong errors = new AtomicLong();

		long elapsedNanos;

		void record(long startNanos, HttpResponse<String> response) {
			latencies.add(System.nanoTime() - startNanos);
			Matcher id = response == null ? null : ID.matcher(response.body());
			if (response != null && response.statusCode() == 201 && id.find()) {
				ids.add(id.group(1));
			}
			else {
				errors.incrementAndGet();
			}
		}

		void report(String name, Map<String, String> results) {
			List<Long> all = new ArrayList<>(latencies);
			results.put(name + "_p50_ms", ms(percentile(all, 50)));
			results.put(name + "_p99_ms", ms(percentile(all, 99)));
			results.put(name + "_max_ms", ms(all.isEmpty() ? 0 : Collections.max(all)));
			results.put(name + "_per_s", String.format("%.0f", ids.size() / (elapsedNanos / 1e9)));
			results.put(name + "_errors", String.valueOf(errors.get()));
		}

	}

	/** CPU time of the service by kind of work, from /proc: Tomcat's request threads, the rest of the JVM, children. */
	record Cpu(long request, long other, long postgres, long temporal) {

		static final long TICK_NANOS = 10_000_000L;

		static Cpu of(long pid, long temporalPid, String dataDir) throws IOException {
			long request = 0;
			long other = 0;
			try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
				for (Path task : tasks.toList()) {
					long[] time = ticks(task.resolve("stat"));
					if (time == null) {
						continue;
					}
					String name = Files.readString(task.resolve("comm")).strip();
					if (name.startsWith("http-nio")) {
						request += time[0];
					}
					else {
						other += time[0];
					}
				}
			}
			long postgres = 0;
			long temporal = 0;
			for (ProcessHandle child : helpers(pid, temporalPid, dataDir)) {
				long[] time = ticks(Path.of("/proc", String.valueOf(child.pid()), "stat"));
				if (time == null) {
					continue;
				}
				String command = child.info().command().orElse("");
				if (command.contains("temporal")) {
					temporal += time[0] + time[1];
				}
				else {
					postgres += time[0] + time[1];
				}
			}
			return new Cpu(request * TICK_NANOS, other * TICK_NANOS, postgres * TICK_NANOS, temporal * TICK_NANOS);
		}

		/** utime+stime, and the reaped children's (cutime+cstime) for processes. */
		private static long[] ticks(Path stat) {
			try {
				String text = Files.readString(stat);
				String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
				return new long[] { Long.parseLong(f[11]) + Long.parseLong(f[12]),
						Long.parseLong(f[13]) + Long.parseLong(f[14]) };
			}
			catch (IOException | RuntimeException gone) {
				return null;
			}
		}

		Cpu minus(Cpu earlier) {
			return new Cpu(request - earlier.request, other - earlier.other, postgres - earlier.postgres,
					temporal - earlier.temporal);
		}

		/** A process's CPU time (utime + stime, with reaped children's), 0 when it is gone. */
		static long processNanos(long pid) {
			long[] time = ticks(Path.of("/proc", String.valueOf(pid), "stat"));
			return time == null ? 0 : (time[0] + time[1]) * TICK_NANOS;
		}

		static long rssKb(long pid, String field) throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			return 0;
		}

		/** The service's child processes, the PostgreSQL processes of its data folder, and a Temporal server. */
		static List<ProcessHandle> helpers(long pid, long temporalPid, String dataDir) {
			List<ProcessHandle> helpers = new ArrayList<>(
					ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of()));
			// The postmaster, found by its data folder, and its backends (named "postgres: ...").
			ProcessHandle.allProcesses()
				.filter(p -> p.info().commandLine().orElse("").contains(dataDir + "/postgres"))
				.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
				.filter(p -> !helpers.contains(p))
				.forEach(helpers::add);
			ProcessHandle.of(temporalPid).filter(p -> !helpers.contains(p)).ifPresent(helpers::add);
			return helpers;
		}

		/**
		 * Their proportional set size: PostgreSQL's processes share its buffers, which RSS
		 * would count once per process.
		 */
		static long helpersRssKb(long pid, long temporalPid, String dataDir) {
			return helpers(pid, temporalPid, dataDir).stream().mapToLong(c -> {
				try {
					for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(c.pid()), "smaps_rollup"))) {
						if (line.startsWith("Pss:")) {
							return Long.parseLong(line.replaceAll("\\D", ""));
						}
					}
					return rssKb(c.pid(), "VmRSS");
				}
				catch (IOException gone) {
					return 0;
				}
			}).sum();
		}

	}

	/** A throw-away service-account key whose token endpoint is the stand-in. */
	static void writeKey(Path file, String tokenUri) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String pem = "-----BEGIN PRIVATE KEY-----\\n"
				+ Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\\n-----END PRIVATE KEY-----\\n";
		Files.writeString(file, "{\"type\":\"service_account\",\"project_id\":\"bench\",\"private_key_id\":\"0\","
				+ "\"private_key\":\"" + pem + "\",\"client_email\":\"bench@bench.iam.gserviceaccount.com\","
				+ "\"client_id\":\"1\",\"token_uri\":\"" + tokenUri + "\"}");
	}

}

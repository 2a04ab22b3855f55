package org.spinout.benchmark;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.spinout.AppNode;
import org.spinout.SpinoutApplication;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.demo.JourneyDriver;
import org.spinout.engine.TestClock;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Measures Spinout on this machine and prints the figures: start-up time, seeding rate, full
 * journeys through the application's completion path and through the engine's bare
 * {@code TaskService.complete}, page latencies under 10 and 50 concurrent users against the
 * REST API's equivalent, resident memory, and the embedded database: its live file against the
 * size the same data compacts to, after the run and after a soak of full journeys, and what a
 * durable commit costs. Not a test: run it with {@code mvn -P benchmark verify} (see the README).
 * Settings, as system properties: {@code benchmark.programmes} (default 1000,10000),
 * {@code benchmark.journeys} (20 a path), {@code benchmark.requests} (400 a scenario),
 * {@code benchmark.soak} (PT10M of journeys after each run; PT0S for none), {@code benchmark.settings}
 * (Spinout settings to try, such as {@code "--spinout.storage.compaction.fill-rate=80"}).
 */
public final class Benchmark {

	private static final String[] PAGES_AS = { "board", "manager", "manager", "board" };

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.programmes", "1000,10000").split(","))
				.map(String::trim).map(Integer::parseInt).toList();
		int journeys = Integer.getInteger("benchmark.journeys", 20);
		int requests = Integer.getInteger("benchmark.requests", 400);
		Duration soak = Duration.parse(System.getProperty("benchmark.soak", "PT10M"));
		for (int size : sizes) {
			run(size, journeys, requests, soak);
		}
	}

	private static void run(int programmes, int journeys, int requests, Duration soak) throws Exception {
		Path data = Files.createTempDirectory("spinout-benchmark");
		System.out.printf("%n=== Spinout benchmark: %,d programmes, H2 file database in %s, %d cores%n", programmes, data,
				Runtime.getRuntime().availableProcessors());
		// Start-up as on a server: a JVM of its own, until it answers.
		double emptyStartUp = startUpInNewJvm(data, "empty database");
		ConfigurableApplicationContext context = start(data);
		DatabaseFile database = new DatabaseFile(context, data);

		ProgrammeStarter starter = context.getBean(ProgrammeStarter.class);
		TaskService tasks = context.getBean(TaskService.class);
		TestProgrammes seeder = new TestProgrammes(starter, tasks);
		long seeding = System.nanoTime();
		String someProgramme = null;
		for (int i = 0; i < programmes; i++) {
			String reference = seeder.start("Benchmark programme " + i);
			if (i == programmes / 2) {
				someProgramme = reference;
			}
		}
		double seedSeconds = seconds(seeding);
		System.out.printf("seeding through ProgrammeStarter:     %6.1f s (%.1f programmes/s)%n", seedSeconds,
				programmes / seedSeconds);

		System.out.printf("database file after seeding: %s%n", DatabaseFile.megabytes(database.liveBytes()));

		double journeyRatio = journeys(context, seeder, journeys, database);
		System.out.printf("database file after the journeys: %s%n", DatabaseFile.megabytes(database.liveBytes()));
		System.out.printf("resident memory after seeding (application and benchmark): %d MB%n", residentMegabytes());

		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String restPage = "/engine-rest/task?candidateGroups=shadow-board&unassigned=true&sortBy=dueDate"
				+ "&sortOrder=asc&firstResult=0&maxResults=25";
		String[] paths = { "/tasks/available", "/programmes", "/programmes/" + someProgramme, restPage };
		String[] names = { "/tasks/available", "/programmes", "/programmes/{reference}", "/engine-rest/task (same page)" };
		// One pass over every path first, not counted, so that compiling what the first path needs
		// does not fall into its timings alone.
		for (int i = 0; i < paths.length; i++) {
			latency(port, PAGES_AS[i], paths[i], paths[i].startsWith("/engine-rest"), 10, requests);
		}
		double[] tasksAtTen = null;
		for (int users : List.of(10, 50)) {
			System.out.printf("%nlatency with %d concurrent users (%d requests each path):%n", users, requests);
			System.out.printf("  %-32s %8s %8s %8s%n", "path", "p50 ms", "p95 ms", "p99 ms");
			double[] p95 = new double[paths.length];
			for (int i = 0; i < paths.length; i++) {
				boolean rest = paths[i].startsWith("/engine-rest");
				double[] percentiles = latency(port, PAGES_AS[i], paths[i], rest, users, requests);
				p95[i] = percentiles[1];
				if (percentiles[0] < 0) {
					System.out.printf("  %-32s not served here%n", names[i]);
					continue;
				}
				System.out.printf("  %-32s %8.1f %8.1f %8.1f%n", names[i], percentiles[0], percentiles[1],
						percentiles[2]);
			}
			System.out.printf("  /tasks/available p95 / /engine-rest/task p95: %.2f%n", p95[0] / p95[3]);
			if (users == 10) {
				tasksAtTen = new double[] { p95[0], p95[0] / p95[3] };
			}
		}
		System.out.printf("%nembedded database at the end of the run:%n");
		long largest = database.largestSinceLastAsked();
		double runGrowth = largest / (double) database.compactedBytes();
		System.out.printf("  live file %s, largest during the run %s: %.2f times the size the data compacts to%n",
				DatabaseFile.megabytes(database.liveBytes()), DatabaseFile.megabytes(largest), runGrowth);
		double soakGrowth = soak.isZero() ? 0 : soak(context, seeder, database, soak);
		database.close();
		context.close();
		System.out.printf("database file once Spinout stopped: %s%n", DatabaseFile.megabytes(database.liveBytes()));

		double seededStartUp = startUpInNewJvm(data, String.format("%,d programmes", programmes));
		FileSystemUtils.deleteRecursively(data);
		System.out.printf("%ntargets (%,d programmes):%n", programmes);
		target("application completion path / engine, journey time", journeyRatio, 1.2);
		target("live database file / compacted, after the run", runGrowth, 2);
		if (!soak.isZero()) {
			target("live database file (largest seen) / compacted, after the soak", soakGrowth, 2);
		}
		target("/tasks/available p95 with 10 users, ms", tasksAtTen[0], 150);
		target("/tasks/available p95 / /engine-rest/task p95, 10 users", tasksAtTen[1], 1.5);
		target("start-up in a new JVM, s (empty, then seeded)", Math.max(emptyStartUp, seededStartUp), 20);
	}

	/** Starts Spinout in a JVM of its own on the database, prints how long until it answered and its memory. */
	private static double startUpInNewJvm(Path data, String what) {
		long started = System.nanoTime();
		List<String> arguments = new ArrayList<>(List.of("--spinout.data-dir=" + data, "--spring.profiles.active=demo",
				"--spinout.demo.programmes=false"));
		arguments.addAll(settings());
		try (AppNode node = AppNode.start(data, "start-up", arguments.toArray(String[]::new))) {
			double seconds = seconds(started);
			System.out.printf("start-up in a new JVM, %s: %.1f s (until /actuator/health answers), resident memory %d MB%n",
					what, seconds, node.residentMegabytes());
			return seconds;
		}
	}

	private static void target(String what, double measured, double limit) {
		System.out.printf("  %-58s %8.2f  (target <= %s: %s)%n", what, measured, limit,
				measured <= limit ? "met" : "missed");
	}

	/**
	 * Full journeys, alternating the application's completion path and the engine's bare one;
	 * returns the ratio of their times.
	 */
	private static double journeys(ConfigurableApplicationContext context, TestProgrammes seeder, int count,
			DatabaseFile database) {
		JourneyDriver driver = context.getBean(JourneyDriver.class);
		TaskService tasks = context.getBean(TaskService.class);
		AtomicLong appCompletion = new AtomicLong();
		AtomicLong rawCompletion = new AtomicLong();
		JourneyDriver app = driver.completingWith((task, user, values, comment) -> {
			long start = System.nanoTime();
			context.getBean(org.spinout.task.TaskCompletion.class).complete(task, user, values, comment);
			appCompletion.addAndGet(System.nanoTime() - start);
		});
		JourneyDriver raw = driver.completingWith((task, user, values, comment) -> {
			long start = System.nanoTime();
			tasks.complete(task.getId(), values);
			rawCompletion.addAndGet(System.nanoTime() - start);
		});
		// Warm both paths up first, so that the JIT favours neither and compiles before the timing.
		for (int i = 0; i < 10; i++) {
			journey(app, seeder);
			journey(raw, seeder);
		}
		appCompletion.set(0);
		rawCompletion.set(0);
		long appTime = 0;
		long rawTime = 0;
		long chunksBefore = database.storedChunks();
		long[] forcesBefore = database.forces();
		long cpuBefore = DatabaseFile.cpuNanos();
		for (int i = 0; i < count; i++) {
			appTime += journey(app, seeder);
			rawTime += journey(raw, seeder);
		}
		long commits = database.storedChunks() - chunksBefore;
		long[] forcesAfter = database.forces();
		long forces = forcesAfter[0] - forcesBefore[0];
		double forceMillis = (forcesAfter[1] - forcesBefore[1]) / 1e6;
		System.out.printf("durable commits during the timed journeys: %,d commits that wrote (%d a journey), "
				+ "%,d forces to disk (%.2f a commit, %.2f ms each)%n", commits, commits / (2 * count), forces,
				(double) forces / commits, forceMillis / forces);
		System.out.printf("  cost per commit: %.2f ms of journey time, of which %.2f ms forcing to disk; "
				+ "CPU %.2f ms%n", (appTime + rawTime) / 1e6 / commits, forceMillis / commits,
				(DatabaseFile.cpuNanos() - cpuBefore) / 1e6 / commits);
		System.out.printf("full journeys (%d a path), application completion path: %.2f programmes/s%n", count,
				count / (appTime / 1e9));
		System.out.printf("full journeys (%d a path), TaskService.complete:         %.2f programmes/s%n", count,
				count / (rawTime / 1e9));
		System.out.printf("  journey time ratio application / engine:     %.2f%n", (double) appTime / rawTime);
		System.out.printf("  completion call ratio application / engine:  %.2f%n",
				(double) appCompletion.get() / rawCompletion.get());
		return (double) appTime / rawTime;
	}

	/**
	 * Full journeys through the application's completion path, one after another, for the given
	 * time; prints the live file's size as it goes, and returns the largest size seen over the
	 * size the data compacts to at the end.
	 */
	private static double soak(ConfigurableApplicationContext context, TestProgrammes seeder, DatabaseFile database,
			Duration length) throws IOException {
		System.out.printf("%nsoak: full journeys for %s%n", length);
		JourneyDriver driver = context.getBean(JourneyDriver.class);
		long started = System.nanoTime();
		long end = started + length.toNanos();
		long nextReport = started;
		int journeys = 0;
		database.largestSinceLastAsked();
		while (System.nanoTime() < end) {
			journey(driver, seeder);
			journeys++;
			if (System.nanoTime() >= nextReport) {
				System.out.printf("  %5.0f s: %4d journeys, live file %s%n", seconds(started), journeys,
						DatabaseFile.megabytes(database.liveBytes()));
				nextReport += Duration.ofMinutes(1).toNanos();
			}
		}
		long largest = database.largestSinceLastAsked();
		System.out.printf("  %5.0f s: %4d journeys (%.2f a minute), live file %s, largest %s%n", seconds(started),
				journeys, journeys / (seconds(started) / 60), DatabaseFile.megabytes(database.liveBytes()),
				DatabaseFile.megabytes(largest));
		double growth = largest / (double) database.compactedBytes();
		System.out.printf("  largest live file: %.2f times the size the data compacts to%n", growth);
		return growth;
	}

	private static long journey(JourneyDriver driver, TestProgrammes seeder) {
		long start = System.nanoTime();
		try {
			String reference = seeder.start("Benchmark journey " + System.nanoTime());
			driver.runToEnd(reference);
		}
		finally {
			TestClock.reset();
		}
		return System.nanoTime() - start;
	}

	/** p50, p95 and p99 in milliseconds; -1 when the path is not served. */
	private static double[] latency(int port, String user, String path, boolean rest, int users, int requests)
			throws Exception {
		WebClient probe = signedIn(port, user, rest);
		int status = (rest ? probe.getWithBasic(path, user, "demo") : probe.get(path)).statusCode();
		if (status != 200) {
			return new double[] { -1, -1, -1 };
		}
		List<Long> timings = Collections.synchronizedList(new ArrayList<>());
		// As many requests again first, not counted: they warm the path up (compilation, caches).
		int warmUp = requests;
		AtomicInteger left = new AtomicInteger(requests + warmUp);
		ExecutorService pool = Executors.newFixedThreadPool(users);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int u = 0; u < users; u++) {
				WebClient client = signedIn(port, user, rest);
				Function<String, HttpResponse<String>> get = rest ? p -> client.getWithBasic(p, user, "demo")
						: client::get;
				get.apply(path);
				workers.add(pool.submit(() -> {
					go.await();
					int number;
					while ((number = left.decrementAndGet()) >= 0) {
						long start = System.nanoTime();
						get.apply(path);
						if (number < requests) {
							timings.add(System.nanoTime() - start);
						}
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> worker : workers) {
				worker.get(30, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Long> sorted = new ArrayList<>(timings);
		Collections.sort(sorted);
		return new double[] { percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99) };
	}

	private static WebClient signedIn(int port, String user, boolean rest) {
		WebClient client = new WebClient(port);
		if (!rest) {
			client.signIn(user, "demo");
		}
		return client;
	}

	private static double percentile(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private static ConfigurableApplicationContext start(Path data) {
		List<String> arguments = new ArrayList<>(List.of("--spinout.data-dir=" + data, "--server.port=0",
				"--spring.profiles.active=demo", "--spinout.demo.programmes=false",
				"--spinout.notifications.schedule.enabled=false", "--camunda.bpm.job-execution.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=warn"));
		arguments.addAll(settings());
		return new SpringApplicationBuilder(SpinoutApplication.class).run(arguments.toArray(String[]::new));
	}

	/** Spinout settings to try, from {@code -Dbenchmark.settings="--a=1 --b=2"}, for every start. */
	private static List<String> settings() {
		return Arrays.stream(System.getProperty("benchmark.settings", "").split(" ")).filter(s -> !s.isBlank())
				.toList();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}


	private static long residentMegabytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
			}
		}
		return -1;
	}

	private Benchmark() {
	}
}

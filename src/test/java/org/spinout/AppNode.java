package org.spinout;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spinout started in a JVM of its own, as on a server: for tests that kill it, restart it or
 * run two nodes side by side. It runs on the test classpath and writes its log to a file.
 */
public final class AppNode implements AutoCloseable {

	/**
	 * How long a node may take to answer: a node with demo data seeds it first, and on a machine
	 * shared with other builds a start takes several times its usual 20 seconds.
	 */
	private static final Duration STARTUP = Duration.ofSeconds(300);

	private final Process process;

	private final int port;

	private final Path log;

	private AppNode(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts a node on a free port with the given arguments and waits until it answers. */
	public static AppNode start(Path logDir, String name, String... arguments) {
		try {
			int port = freePort();
			Path log = logDir.resolve(name + ".log");
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
					"-cp", System.getProperty("java.class.path"), SpinoutApplication.class.getName(),
					"--server.port=" + port, "--spring.main.banner-mode=off"));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			AppNode node = new AppNode(process, port, log);
			node.awaitUp();
			return node;
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not start a node", e);
		}
	}

	public WebClient client() {
		return new WebClient(port);
	}

	public int port() {
		return port;
	}

	public Path log() {
		return log;
	}

	/** The node's resident memory, from the operating system, in megabytes; -1 where unknown. */
	public long residentMegabytes() {
		try {
			for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
				}
			}
		}
		catch (IOException unreadable) {
			// not on Linux: no figure
		}
		return -1;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Ends the node without warning, as a power cut or {@code kill -9} would. */
	public void kill() {
		process.destroyForcibly();
		waitForExit();
	}

	@Override
	public void close() {
		process.destroy();
		waitForExit();
	}

	private void waitForExit() {
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitUp() {
		WebClient client = client();
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The node stopped while starting; see " + log);
			}
			try {
				if (client.get("/actuator/health").statusCode() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYetListening) {
				// still starting
			}
			try {
				process.waitFor(250, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		close();
		throw new IllegalStateException("The node did not start within " + STARTUP.toSeconds() + " seconds; see " + log);
	}

	/** A port nothing listens on now, for a node or a test's own server. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("No free port", e);
		}
	}
}

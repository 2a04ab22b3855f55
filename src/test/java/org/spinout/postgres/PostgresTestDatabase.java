package org.spinout.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the tests run against PostgreSQL ({@code -Dspinout.test.database=postgres}, which the
 * Maven profile {@code postgres} sets), gives every application context a new, empty database
 * on the server, as the in-memory H2 database does on the embedded default. The server, user and
 * password come from {@code spinout.test.postgres.*} (defaults: localhost:5432, spinout/spinout);
 * the user needs the CREATEDB privilege.
 */
public class PostgresTestDatabase implements EnvironmentPostProcessor {

	public static final String SWITCH = "spinout.test.database";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isOn() || environment.containsProperty("spinout.test.shared-database")) {
			return;
		}
		String database = "spinout_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		create(database);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url(database));
		properties.put("spring.datasource.username", user());
		properties.put("spring.datasource.password", password());
		properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
		environment.getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", properties));
		// Dropped once the context has closed, as the last of its beans: the engine still runs a
		// command while it closes. FORCE (in drop): a pool may still hold connections.
		application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
				.registerDisposableBean("postgresTestDatabase", () -> drop(database)));
	}

	public static boolean isOn() {
		return "postgres".equals(System.getProperty(SWITCH));
	}

	/** Creates an empty database on the test server and returns its JDBC URL. */
	public static String create(String database) {
		execute("CREATE DATABASE " + database);
		return url(database);
	}

	/** Drops a database made with {@link #create}, closing whatever connections it still has. */
	public static void drop(String database) {
		execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
	}

	private static void execute(String sql) {
		try (Connection server = DriverManager.getConnection(url("postgres"), user(), password());
				Statement statement = server.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("'" + sql + "' failed on " + url("postgres") + ": " + e.getMessage(), e);
		}
	}

	public static String url(String database) {
		return "jdbc:postgresql://" + System.getProperty("spinout.test.postgres.host", "localhost") + ":"
				+ System.getProperty("spinout.test.postgres.port", "5432") + "/" + database;
	}

	public static String user() {
		return System.getProperty("spinout.test.postgres.user", "spinout");
	}

	public static String password() {
		return System.getProperty("spinout.test.postgres.password", "spinout");
	}
}

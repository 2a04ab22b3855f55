package org.spinout.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements the application sends to its database, through a proxy around the
 * DataSource, so tests can show that a page's database work does not grow with the data; and
 * records their text, for tests of what is asked of the database.
 */
@TestConfiguration
public class SqlStatementCounter {

	private final AtomicLong statements = new AtomicLong();

	/** Where the statements' text goes while {@link #statements} records them; null otherwise. */
	private volatile List<String> recording;

	@Bean
	static BeanPostProcessor countingDataSource(SqlStatementCounter counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name("counted")
							.listener(counter.listener()).build();
				}
				return bean;
			}
		};
	}

	private QueryExecutionListener listener() {
		return new QueryExecutionListener() {
			@Override
			public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution,
					List<net.ttddyy.dsproxy.QueryInfo> queries) {
				statements.addAndGet(queries.size());
				List<String> texts = recording;
				if (texts != null) {
					queries.forEach(query -> texts.add(query.getQuery()));
				}
			}

			@Override
			public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution,
					List<net.ttddyy.dsproxy.QueryInfo> queries) {
			}
		};
	}

	/** The number of statements the action sends. */
	public long count(Runnable action) {
		long before = statements.get();
		action.run();
		return statements.get() - before;
	}

	/** The statements the action sends, as SQL text, in order. */
	public List<String> statements(Runnable action) {
		List<String> texts = Collections.synchronizedList(new ArrayList<>());
		recording = texts;
		try {
			action.run();
		}
		finally {
			recording = null;
		}
		return List.copyOf(texts);
	}

	public <T> long count(Supplier<T> action) {
		return count((Runnable) action::get);
	}
}

package org.spinout.time;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@link LondonTime} as {@code #london}, so that a page writes
 * {@code ${#london.dueDate(task.dueDate)}} and reads a date exactly as the CSV, the calendar and
 * the e-mails do. Spring Boot adds every dialect bean to the pages' template engine.
 */
@Component
public class LondonTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

	static final String NAME = "london";

	public LondonTimeDialect() {
		super("London time");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? LondonTime.PAGES : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}
}

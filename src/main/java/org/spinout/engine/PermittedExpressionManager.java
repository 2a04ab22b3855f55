package org.spinout.engine;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager with a resolver that permits rather than forbids
 * ({@link PermittedElResolver}): expressions in models, in decision tables written in JUEL and
 * in stored queries reach the variables, the allowed beans and simple values, and nothing else.
 * It replaces Spring's expression manager, which would resolve every bean of the application.
 */
final class PermittedExpressionManager extends JuelExpressionManager {

	private final AllowedBeans allowedBeans;

	PermittedExpressionManager(ApplicationContext context, List<String> allowedBeans) {
		this.allowedBeans = new AllowedBeans(context, allowedBeans);
	}

	@Override
	protected ELResolver createElResolver() {
		return new PermittedElResolver(allowedBeans, allowedBeans::isOneOf);
	}

	/** The allowed beans, looked up when an expression first asks for them rather than while the engine starts. */
	private static final class AllowedBeans extends AbstractMap<Object, Object> {

		private final ApplicationContext context;

		private final List<String> names;

		AllowedBeans(ApplicationContext context, List<String> names) {
			this.context = context;
			this.names = List.copyOf(names);
		}

		@Override
		public boolean containsKey(Object key) {
			return key instanceof String name && names.contains(name) && context.containsBean(name);
		}

		@Override
		public Object get(Object key) {
			return containsKey(key) ? context.getBean((String) key) : null;
		}

		@Override
		public Set<Entry<Object, Object>> entrySet() {
			return names.stream().filter(context::containsBean)
					.map(name -> Map.entry((Object) name, context.getBean(name)))
					.collect(Collectors.toSet());
		}

		/** Whether {@code value} is one of the allowed beans itself, not merely an object of the same kind. */
		boolean isOneOf(Object value) {
			return names.stream().anyMatch(name -> context.containsBean(name) && context.getBean(name) == value);
		}
	}
}

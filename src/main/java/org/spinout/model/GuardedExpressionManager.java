package org.spinout.model;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager, held to the safety policy when expressions run: only the
 * allowlisted beans resolve by name, and no expression reaches reflection or the engine's
 * internals, whichever way the model came in.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

	GuardedExpressionManager(ApplicationContext context, List<String> allowedBeans) {
		super(context, new AllowedBeans(context, allowedBeans));
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new MemberGuard());
		resolver.add(super.createElResolver());
		return resolver;
	}

	/** The allowlisted beans, looked up when an expression first asks for them rather than while the engine starts. */
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
	}

	/** Resolves nothing itself; refuses the denied members before any other resolver can reach them. */
	private static final class MemberGuard extends ELResolver {

		@Override
		public Object getValue(ELContext context, Object base, Object property) {
			refuse(base, property);
			return null;
		}

		@Override
		public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
			refuse(base, method);
			return null;
		}

		@Override
		public Class<?> getType(ELContext context, Object base, Object property) {
			refuse(base, property);
			return null;
		}

		@Override
		public void setValue(ELContext context, Object base, Object property, Object value) {
			refuse(base, property);
		}

		@Override
		public boolean isReadOnly(ELContext context, Object base, Object property) {
			refuse(base, property);
			return false;
		}

		@Override
		public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
			return null;
		}

		@Override
		public Class<?> getCommonPropertyType(ELContext context, Object base) {
			return null;
		}

		private static void refuse(Object base, Object member) {
			if (base != null && member != null && DeploymentPolicy.DENIED_MEMBERS.contains(member.toString())) {
				throw new ELException("Expressions may not use '" + member + "': the deployment safety policy "
						+ "forbids reflection and the engine's internals");
			}
		}
	}
}

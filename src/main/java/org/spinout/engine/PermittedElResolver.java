package org.spinout.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Resolves what an expression names, and only what {@link ExpressionReach} permits: a name is a
 * variable ({@code execution} and {@code task} included) or an allowed bean; a member is an
 * entry of a map or list, or a method or property that {@link ExpressionReach} permits on its
 * value. Nothing is resolved by default, so what no rule names stays out of reach. Expressions
 * never write through this resolver: variables change by {@code setVariable}.
 */
final class PermittedElResolver extends ELResolver {

	private final List<ELResolver> names;

	private final Predicate<Object> isAllowedBean;

	private final MapELResolver maps = new MapELResolver(true);

	private final ListELResolver lists = new ListELResolver(true);

	private final ArrayELResolver arrays = new ArrayELResolver(true);

	private final BeanELResolver members = new BeanELResolver(true);

	PermittedElResolver(Map<Object, Object> allowedBeans, Predicate<Object> isAllowedBean) {
		this.names = List.of(new VariableScopeElResolver(), new VariableContextElResolver(),
				new ReadOnlyMapELResolver(allowedBeans));
		this.isAllowedBean = isAllowedBean;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		if (base == null) {
			for (ELResolver name : names) {
				Object value = name.getValue(context, null, property);
				if (context.isPropertyResolved()) {
					return value;
				}
			}
			return null;
		}
		if (base instanceof Map<?, ?>) {
			return maps.getValue(context, base, property);
		}
		if (base instanceof List<?>) {
			return lists.getValue(context, base, property);
		}
		if (base.getClass().isArray()) {
			return arrays.getValue(context, base, property);
		}
		refuse(ExpressionReach.refusesProperty(base, String.valueOf(property), isAllowedBean));
		return members.getValue(context, base, property);
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		if (base == null || method == null) {
			return null;
		}
		int arity = params == null ? 0 : params.length;
		refuse(ExpressionReach.refusesCall(base, method.toString(), arity, isAllowedBean));
		return members.invoke(context, base, method, paramTypes, params == null ? new Object[0] : params);
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		Object value = getValue(context, base, property);
		return value == null ? Object.class : value.getClass();
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		throw new PropertyNotWritableException("Expressions may not assign '" + property + "': set variables with "
				+ "execution.setVariable");
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		context.setPropertyResolved(true);
		return true;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return base == null ? String.class : Object.class;
	}

	private static void refuse(Optional<String> refusal) {
		if (refusal.isPresent()) {
			throw new ELException(refusal.get());
		}
	}
}

package org.spinout.engine;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a model may reach, by permission: the process variables, the allowed
 * beans' own public methods, and simple values (text, numbers, dates, lists and maps of them)
 * with their methods that give simple values back. Anything else, {@code java.lang.Class},
 * reflection, class loaders and the engine's services among it, is out of reach because
 * nothing here leads to it. The run-time resolver ({@link PermittedElResolver}) and the
 * deploy-time check ({@link JuelExpressionCheck}) both ask this class.
 */
public final class ExpressionReach {

	/** Values whose own methods an expression may call, when they give a simple value back. */
	static final Set<Class<?>> SIMPLE = Set.of(String.class, Boolean.class, Character.class, Byte.class, Short.class,
			Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class, Date.class,
			java.sql.Date.class, java.sql.Timestamp.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
			Instant.class, OffsetDateTime.class, ZonedDateTime.class, Duration.class, Period.class, Year.class,
			YearMonth.class, MonthDay.class, DayOfWeek.class, Month.class);

	/**
	 * Joda-Time's date, which the engine's own {@code dateTime()} function gives (named, not
	 * imported: Spinout does not use Joda-Time itself).
	 */
	static final Set<String> SIMPLE_BY_NAME = Set.of("org.joda.time.DateTime", "org.joda.time.LocalDate");

	/** Supertypes that declare some of a simple value's methods ({@code Number.intValue}, {@code Enum.name}). */
	private static final Set<Class<?>> SIMPLE_SUPERTYPES = Set.of(Number.class, Enum.class);

	/** What an expression may ask of a list or a map: reading it, never changing it. */
	static final Set<String> COLLECTION_METHODS = Set.of("size", "isEmpty", "contains", "containsAll", "containsKey",
			"containsValue", "get", "getOrDefault", "indexOf", "lastIndexOf");

	/** What an expression may ask of {@code execution} or {@code task}: its variables and who and where it is. */
	static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal",
			"hasVariables", "getVariableNames", "getVariableNamesLocal", "setVariable", "setVariableLocal",
			"removeVariable", "removeVariableLocal", "getId", "getProcessInstanceId", "getProcessBusinessKey",
			"getBusinessKey", "getProcessDefinitionId", "getCurrentActivityId", "getCurrentActivityName",
			"getActivityInstanceId", "getParentActivityInstanceId", "getCurrentTransitionId", "getParentId",
			"getEventName", "getTenantId", "getName", "getDescription", "getAssignee", "getOwner", "getPriority",
			"getDueDate", "getFollowUpDate", "getCreateTime", "getTaskDefinitionKey", "getExecutionId");

	/** The functions the engine itself gives expressions ({@code now()}, {@code currentUser()}...). */
	public static final Set<String> ENGINE_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

	/** Every method name {@link #valueMethodNames()} gives, worked out once. */
	private static final Set<String> VALUE_METHOD_NAMES = Stream.of(
			SIMPLE.stream().flatMap(type -> Arrays.stream(type.getMethods()))
					.filter(ExpressionReach::permittedOnSimple).map(Method::getName),
			COLLECTION_METHODS.stream(), SCOPE_METHODS.stream())
			.flatMap(names -> names)
			.collect(Collectors.toCollection(TreeSet::new));

	private ExpressionReach() {
	}

	/**
	 * Why calling {@code method} with {@code arity} arguments on {@code base} is out of reach, or
	 * nothing when it is permitted. Every public method of that name and arity must be permitted,
	 * so overloading cannot open a way round.
	 */
	static Optional<String> refusesCall(Object base, String method, int arity, Predicate<Object> isAllowedBean) {
		Method[] candidates = Arrays.stream(base.getClass().getMethods())
				.filter(candidate -> candidate.getName().equals(method) && takes(candidate, arity))
				.toArray(Method[]::new);
		for (Method candidate : candidates) {
			if (!permitted(base, candidate, isAllowedBean)) {
				return Optional.of(refusal(base, method + "()"));
			}
		}
		return Optional.empty();
	}

	/** Why reading the property {@code name} of {@code base} (a getter) is out of reach, or nothing when permitted. */
	static Optional<String> refusesProperty(Object base, String name, Predicate<Object> isAllowedBean) {
		Method getter = getter(base.getClass(), name);
		if (getter == null || !permitted(base, getter, isAllowedBean)) {
			return Optional.of(refusal(base, name));
		}
		return Optional.empty();
	}

	/** The names of every method an expression may call on a value that is not a bean, for the deploy-time check. */
	public static Set<String> valueMethodNames() {
		return VALUE_METHOD_NAMES;
	}

	/** Whether {@code method} is one of the bean class's own public methods, for the deploy-time check. */
	public static boolean isBeanMethod(Class<?> beanClass, String method) {
		return Arrays.stream(ClassUtils.getUserClass(beanClass).getDeclaredMethods())
				.anyMatch(declared -> declared.getName().equals(method) && isOwnPublic(declared));
	}

	private static boolean permitted(Object base, Method method, Predicate<Object> isAllowedBean) {
		if (isAllowedBean.test(base)) {
			Class<?> own = ClassUtils.getUserClass(base);
			return Arrays.stream(own.getDeclaredMethods()).anyMatch(declared -> isOwnPublic(declared)
					&& declared.getName().equals(method.getName())
					&& Arrays.equals(declared.getParameterTypes(), method.getParameterTypes()));
		}
		if (base instanceof DelegateExecution || base instanceof DelegateTask) {
			return SCOPE_METHODS.contains(method.getName()) && !Modifier.isStatic(method.getModifiers());
		}
		if (base instanceof Map<?, ?> || base instanceof Collection<?>) {
			return COLLECTION_METHODS.contains(method.getName()) && !Modifier.isStatic(method.getModifiers());
		}
		return isSimple(base.getClass()) && permittedOnSimple(method);
	}

	private static boolean permittedOnSimple(Method method) {
		Class<?> declaring = method.getDeclaringClass();
		return !Modifier.isStatic(method.getModifiers())
				&& (isSimple(declaring) || SIMPLE_SUPERTYPES.contains(declaring))
				&& isSimpleResult(method.getReturnType());
	}

	private static boolean isOwnPublic(Method method) {
		return Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge();
	}

	/** A simple value: text, a number, a truth value, a date or a time. */
	static boolean isSimple(Class<?> type) {
		return SIMPLE.contains(type) || SIMPLE_BY_NAME.contains(type.getName());
	}

	private static boolean isSimpleResult(Class<?> type) {
		if (type.isPrimitive()) {
			return true;
		}
		if (type.isArray()) {
			return isSimpleResult(type.getComponentType());
		}
		return isSimple(type);
	}

	private static boolean takes(Method method, int arity) {
		int count = method.getParameterCount();
		return count == arity || (method.isVarArgs() && arity >= count - 1);
	}

	private static Method getter(Class<?> type, String name) {
		try {
			for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
				if (property.getName().equals(name)) {
					return property.getReadMethod();
				}
			}
			return null;
		}
		catch (IntrospectionException unreadable) {
			return null;
		}
	}

	private static String refusal(Object base, String member) {
		return "Expressions may not use '" + member + "' of " + kind(base) + ": an expression may read variables, "
				+ "call the allowed beans' own methods and use text, numbers, dates, lists and maps";
	}

	private static String kind(Object base) {
		if (base instanceof DelegateExecution) {
			return "the execution";
		}
		if (base instanceof DelegateTask) {
			return "the task";
		}
		return "a value of type " + base.getClass().getSimpleName();
	}
}

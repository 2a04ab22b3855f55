package org.spinout.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormData;
import org.springframework.stereotype.Component;

/**
 * The one place the form package talks to the engine: it fetches the Camunda Form a task or
 * a start event references ({@code camunda:formRef}) and fills it in from the process variables.
 * Engine authorization applies: the caller must be allowed to read the task or the process
 * definition.
 */
@Component
public class Forms {

	/** Form keys of Camunda Forms deployed with the process, as opposed to embedded HTML forms. */
	private static final String CAMUNDA_FORMS_KEY = "camunda-forms:";

	private final FormService formService;

	private final TaskService taskService;

	private final Clock clock;

	Forms(FormService formService, TaskService taskService, Clock clock) {
		this.clock = clock.withZone(VariableValues.UK);
		this.formService = formService;
		this.taskService = taskService;
	}

	/**
	 * The task's form, filled in from the variables the task sees; {@link FormSchema#empty()} when
	 * the task has no Camunda Form.
	 *
	 * @throws FormSchemaException when the task's form cannot be shown
	 */
	public FormSchema forTask(String taskId) {
		if (!isCamundaForm(formService.getTaskFormData(taskId))) {
			return FormSchema.empty();
		}
		FormSchema schema = read(formService.getDeployedTaskForm(taskId));
		Map<String, Object> variables = taskService.getVariables(taskId, schema.variableNames());
		return schema.withVariables(variables);
	}

	/**
	 * The start form of a process definition, filled in with its defaults;
	 * {@link FormSchema#empty()} when the start event has no Camunda Form.
	 *
	 * @throws FormSchemaException when the form cannot be shown
	 */
	public FormSchema forStart(String processDefinitionId) {
		if (!isCamundaForm(formService.getStartFormData(processDefinitionId))) {
			return FormSchema.empty();
		}
		return read(formService.getDeployedStartForm(processDefinitionId));
	}

	private static boolean isCamundaForm(FormData form) {
		return form != null && (form.getCamundaFormRef() != null
				|| (form.getFormKey() != null && form.getFormKey().startsWith(CAMUNDA_FORMS_KEY)));
	}

	private FormSchema read(InputStream form) {
		try (InputStream in = form) {
			return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
					.withClock(clock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the deployed form", e);
		}
	}
}

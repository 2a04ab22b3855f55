package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.TestClock;

/**
 * Finds the timer jobs of the journey's process tests and fires them by moving the engine clock to
 * their due date, so a test never sleeps and always knows which timer it fires: a timer event, or
 * the {@code reminder} or {@code escalation} timeout listener of a user task.
 */
public final class JourneyTimers {

	private static final String TASK_LISTENER = "$taskListener~";

	private JourneyTimers() {
	}

	/** A wall-clock time in London, where every programme's clocks are counted. */
	public static Date london(int year, int month, int day, int hour, int minute) {
		return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDays.LONDON).toInstant());
	}

	/** Midnight at the start of the day in London, as a date field of a form holds it. */
	public static Date london(int year, int month, int day) {
		return london(year, month, day, 0, 0);
	}

	/** Midnight at the start of the day in London. */
	public static Date london(LocalDate day) {
		return london(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
	}

	/** The timer of a timer event (intermediate or boundary) that the programme waits on. */
	static Job timerEvent(ProcessInstance instance, String eventId) {
		return single(instance, eventId, false, null);
	}

	/** The reminder timer of a waiting user task. */
	static Job reminder(ProcessInstance instance, String taskId) {
		return single(instance, taskId, true, "reminder");
	}

	/** The escalation timer of a waiting user task. */
	static Job escalation(ProcessInstance instance, String taskId) {
		return single(instance, taskId, true, "escalation");
	}

	/** Moves the engine clock to the job's due date and runs it, as the job executor would then. */
	static void fire(Job job) {
		TestClock.moveTo(job.getDuedate().toInstant());
		execute(job);
	}

	/**
	 * Checks that each of the process's user tasks (there are {@code userTasks}) has, as the engine
	 * parsed it, the reminder and the escalation timer: two timeout listener job definitions at
	 * {@code taskDeadlines.reminder} and {@code taskDeadlines.escalation}.
	 */
	static void assertEveryUserTaskRemindsAndEscalates(String processKey, int userTasks) {
		String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
				.latestVersion().singleResult().getId();
		BpmnModelInstance model = repositoryService().getBpmnModelInstance(definitionId);
		List<JobDefinition> timers = managementService().createJobDefinitionQuery().processDefinitionId(definitionId)
				.jobType(TimerTaskListenerJobHandler.TYPE).list();
		assertThat(model.getModelElementsByType(UserTask.class)).hasSize(userTasks).allSatisfy(task -> assertThat(timers)
				.as("timeout listener timers of %s", task.getId())
				.filteredOn(timer -> timer.getActivityId().equals(task.getId()))
				.extracting(JobDefinition::getJobConfiguration)
				.containsExactlyInAnyOrder("DATE: ${taskDeadlines.reminder(execution)}",
						"DATE: ${taskDeadlines.escalation(execution)}"));
	}

	private static Job single(ProcessInstance instance, String activityId, boolean listener, String listenerId) {
		List<Job> jobs = managementService().createJobQuery().processInstanceId(instance.getId())
				.activityId(activityId).timers().list().stream()
				.filter(job -> {
					// A timeout listener's job names its listener: "<TaskId>$taskListener~<listenerId>".
					String handler = ((JobEntity) job).getJobHandlerConfigurationRaw();
					boolean isListener = handler != null && handler.contains(TASK_LISTENER);
					return isListener == listener && (listenerId == null || handler.endsWith("~" + listenerId));
				})
				.toList();
		if (jobs.size() != 1) {
			throw new AssertionError("Expected one " + (listener ? listenerId + " timer of task " : "timer of event ")
					+ activityId + " but found " + jobs.size());
		}
		return jobs.get(0);
	}
}

package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.identity.Role;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.security.SpinoutUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The completion path decides itself who may complete, inside the engine command that completes,
 * and keeps the record: the claim, the decision comment and the completion, all by the person.
 */
@SpinoutWebTest
class TaskCompletionTest {

	private static final Map<String, Object> BUSINESS_CASE = TestProgrammes.firstTaskAnswers();

	private static final SpinoutUser BOARD = new SpinoutUser("board", "Tom Okafor",
			List.of(Role.SHADOW_BOARD.groupId()));

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	TaskCompletion completion;

	private Task task;

	@BeforeEach
	void openBusinessCaseTask() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		task = programmes.task(programmes.start("Completion " + System.nanoTime()), TestProgrammes.FIRST_TASK);
	}

	@Test
	void aCandidateCompletesAndIsRecordedAsWhoDidIt() {
		// when
		completion.complete(task, BOARD, BUSINESS_CASE, "Approved: the case is sound.");

		// then
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
				.isEqualTo("board");
		List<Comment> comments = tasks.getTaskComments(task.getId());
		assertThat(comments).singleElement().satisfies(comment -> {
			assertThat(comment.getFullMessage()).isEqualTo("Approved: the case is sound.");
			assertThat(comment.getUserId()).isEqualTo("board");
		});
		assertThat(history.createUserOperationLogQuery().taskId(task.getId()).list())
				.extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
				.contains(tuple(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "board"),
						tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "board"));
	}

	@Test
	void someoneOutsideTheTasksGroupsIsRefusedAndNothingIsKept() {
		// given
		SpinoutUser hr = new SpinoutUser("hr", "HR", List.of(Role.HR.groupId()));

		// when / then
		assertThatThrownBy(() -> completion.complete(task, hr, BUSINESS_CASE, "Approved."))
				.isInstanceOf(AuthorizationException.class);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
		assertThat(tasks.getTaskComments(task.getId())).isEmpty();
	}

	@Test
	void theAssigneeCompletesATaskAssignedToThem() {
		// given
		tasks.setAssignee(task.getId(), "board");
		Task assigned = tasks.createTaskQuery().taskId(task.getId()).singleResult();

		// when
		completion.complete(assigned, BOARD, BUSINESS_CASE, null);

		// then
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void aTaskSomeoneElseClaimedMeanwhileIsRefusedAndNothingIsKept() {
		// given: read unassigned, then claimed by another member of the group
		tasks.claim(task.getId(), "board2");

		// when / then
		assertThatThrownBy(() -> completion.complete(task, BOARD, BUSINESS_CASE, "Approved."))
				.isInstanceOf(TaskAlreadyClaimedException.class);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("board2");
		assertThat(tasks.getTaskComments(task.getId())).isEmpty();
	}

	@Test
	void aTaskCompletedMeanwhileIsNotFound() {
		// given
		tasks.complete(task.getId(), BUSINESS_CASE);

		// when / then
		assertThatThrownBy(() -> completion.complete(task, BOARD, BUSINESS_CASE, null))
				.isInstanceOf(NotFoundException.class);
	}
}

package org.spinout.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine checks a person's permissions with their groups as they are, without reading the
 * group of every authorization first (a read that grows with the number of open tasks), and the
 * checks still hold.
 */
@SpinoutWebTest
class AuthorizedGroupsTest {

	@Autowired
	SqlStatementCounter sql;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ActingUser acting;

	@Test
	void aTaskIsClaimedWithoutReadingEveryAuthorizationsGroup() {
		// given
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		Task task = programmes.task(programmes.start("Groups " + System.nanoTime()), TestProgrammes.FIRST_TASK);
		SpinoutUser board = new SpinoutUser("board", "Board", List.of(Role.SHADOW_BOARD.groupId()));

		// when
		List<String> statements = sql
				.statements(() -> acting.run(board, () -> tasks.claim(task.getId(), board.id())));

		// then
		assertThat(statements).anyMatch(statement -> statement.contains("ACT_RU_AUTHORIZATION"))
				.noneMatch(statement -> statement.replaceAll("\\s+", "").contains("distinct(A.GROUP_ID_)"));
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("board");
	}

	@Test
	void someoneOutsideTheTasksGroupsIsStillRefused() {
		// given
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		Task task = programmes.task(programmes.start("Groups " + System.nanoTime()), TestProgrammes.FIRST_TASK);
		SpinoutUser hr = new SpinoutUser("hr", "HR", List.of(Role.HR.groupId()));

		// when / then
		assertThatThrownBy(() -> acting.run(hr, () -> tasks.claim(task.getId(), hr.id())))
				.isInstanceOf(AuthorizationException.class);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
	}
}

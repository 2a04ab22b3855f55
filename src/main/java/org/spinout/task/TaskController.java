package org.spinout.task;

import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.spinout.access.ProgrammeAccess;
import org.spinout.access.TaskAccess;
import org.spinout.contract.Variables;
import org.spinout.document.Documents;
import org.spinout.form.FormSchema;
import org.spinout.form.FormSubmission;
import org.spinout.form.Forms;
import org.spinout.identity.Role;
import org.spinout.security.SpinoutUser;
import org.spinout.web.BadRequest;
import org.spinout.web.Forbidden;
import org.spinout.web.NotFound;
import org.spinout.web.Pagination;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The approvers' pages: what waits for them, one page per task, and the actions on a task. Every
 * request is checked against the signed-in user; a refused action changes nothing.
 */
@Controller
class TaskController {

	static final String LIST_VIEW = "task/list";

	static final String TASK_VIEW = "task/task";

	static final String COMPLETED_VIEW = "task/completed";

	/** A list holds this many rows or fewer with its filters folded away. */
	static final int SHORT_LIST = 10;

	/** Where a claim or an assignment from a list goes back to: one of the task lists, with its query. */
	private static final Pattern LIST_ADDRESS = Pattern.compile("/tasks(/available|/all)?(\\?[A-Za-z0-9=&%+._~-]*)?");

	private static final Map<TaskListQuery.View, String> VIEW_PATHS = Map.of(TaskListQuery.View.MINE, "/tasks",
			TaskListQuery.View.AVAILABLE, "/tasks/available", TaskListQuery.View.ALL, "/tasks/all");

	private final TaskLists lists;

	private final TaskAccess access;

	private final TaskPage page;

	private final TaskCompletion completion;

	private final Forms forms;

	private final ProgrammeAccess programmes;

	private final Documents documents;

	private final TaskCandidates candidates;

	private final Clock clock;

	TaskController(TaskLists lists, TaskAccess access, TaskPage page, TaskCompletion completion, Forms forms,
			ProgrammeAccess programmes, Documents documents, TaskCandidates candidates, Clock clock) {
		this.documents = documents;
		this.candidates = candidates;
		this.lists = lists;
		this.access = access;
		this.page = page;
		this.completion = completion;
		this.forms = forms;
		this.programmes = programmes;
		this.clock = clock;
	}

	@GetMapping("/tasks")
	String mine(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params,
			HttpServletRequest request, Model model) {
		return list(user, TaskListQuery.View.MINE, params, request, model);
	}

	@GetMapping("/tasks/available")
	String available(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params,
			HttpServletRequest request, Model model) {
		return list(user, TaskListQuery.View.AVAILABLE, params, request, model);
	}

	@GetMapping("/tasks/all")
	String all(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params,
			HttpServletRequest request, Model model) {
		if (!TaskAccess.seesEveryTask(user)) {
			throw new Forbidden();
		}
		return list(user, TaskListQuery.View.ALL, params, request, model);
	}

	private String list(SpinoutUser user, TaskListQuery.View view, Map<String, String> params,
			HttpServletRequest request, Model model) {
		TaskListQuery query;
		try {
			query = TaskListQuery.of(view, params);
		}
		catch (IllegalArgumentException e) {
			throw new BadRequest(e.getMessage());
		}
		Map<String, String> phases = lists.phases();
		if (query.phase() != null && !phases.containsKey(query.phase())) {
			throw new BadRequest("There is no phase called " + query.phase());
		}
		Map<String, String> groups = groupsToFilterBy(user, view);
		if (query.group() != null && !groups.containsKey(query.group())) {
			throw new BadRequest("Choose one of the groups in the list");
		}
		TaskLists.Page result = lists.page(user, query);
		String path = VIEW_PATHS.get(view);
		model.addAttribute("result", result);
		model.addAttribute("pagination", Pagination.openEnded(path, params, query.page(), result.more()));
		model.addAttribute("viewPath", path);
		model.addAttribute("listUrl", request.getQueryString() == null ? request.getRequestURI()
				: request.getRequestURI() + "?" + request.getQueryString());
		model.addAttribute("phases", phases);
		model.addAttribute("groups", groups);
		model.addAttribute("people", view == TaskListQuery.View.ALL ? candidates.everyone() : List.of());
		model.addAttribute("query", query);
		// a short list needs no filters in the way; a long or filtered one keeps them open
		model.addAttribute("filtersOpen", query.isFiltered() || result.more() || result.rows().size() > SHORT_LIST);
		model.addAttribute("empty", result.rows().isEmpty() ? EmptyList.of(query, lists.counts(user)) : null);
		return LIST_VIEW;
	}

	/**
	 * The groups a list can be narrowed to, by id with their names: the person's own for the
	 * tasks available to them, every role for a programme manager's list of all tasks.
	 */
	private static Map<String, String> groupsToFilterBy(SpinoutUser user, TaskListQuery.View view) {
		Map<String, String> groups = new LinkedHashMap<>();
		if (view == TaskListQuery.View.ALL) {
			Arrays.stream(Role.values()).forEach(role -> groups.put(role.groupId(), role.displayName()));
		}
		else {
			user.groups().forEach(group -> groups.put(group,
					Role.ofGroupId(group).map(Role::displayName).orElse(group)));
		}
		return groups;
	}

	@GetMapping("/tasks/{taskId}")
	String task(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId, Model model) {
		TaskAccess.Permissions permissions = access.of(user, taskId).orElse(null);
		if (permissions == null) {
			return completed(user, taskId, false, model);
		}
		if (!permissions.canSee()) {
			throw new Forbidden();
		}
		FormSchema schema = forms.forTask(taskId);
		return show(permissions, schema, null, model);
	}

	/** Claims the task, from its page or from a row of a list ({@code returnTo}), and goes back there. */
	@PostMapping("/tasks/{taskId}/claim")
	String claim(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId,
			@RequestParam(name = "returnTo", required = false) String returnTo, RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = open(user, taskId);
		if (!permissions.canClaim()) {
			throw new Forbidden();
		}
		try {
			completion.claim(taskId, user);
		}
		catch (TaskAlreadyClaimedException e) {
			redirect.addFlashAttribute("problem", "Someone else has just claimed ‘" + permissions.task().getName() + "’.");
			return back(returnTo, taskId);
		}
		redirect.addFlashAttribute("success", "You have claimed ‘" + permissions.task().getName() + "’.");
		return back(returnTo, taskId);
	}

	@PostMapping("/tasks/{taskId}/unclaim")
	String unclaim(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId,
			RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = open(user, taskId);
		if (!permissions.canUnclaim()) {
			throw new Forbidden();
		}
		completion.unclaim(taskId, user);
		redirect.addFlashAttribute("success", "You have given this task back to its groups.");
		return "redirect:/tasks/" + taskId;
	}

	/**
	 * Assigns the task to a member of its groups, from its page or from a row of a list
	 * ({@code returnTo}). Someone who gives their task to another no longer sees it, so they go
	 * back to their list rather than to the task.
	 */
	@PostMapping("/tasks/{taskId}/assign")
	String assign(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId,
			@RequestParam(name = "assignee", required = false) String assignee,
			@RequestParam(name = "returnTo", required = false) String returnTo, RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = open(user, taskId);
		if (!permissions.canAssign()) {
			throw new Forbidden();
		}
		String name = permissions.task().getName();
		if (assignee == null || assignee.isBlank()) {
			redirect.addFlashAttribute("problem", "Choose the person to assign ‘" + name + "’ to.");
			return back(returnTo, taskId);
		}
		boolean member = candidates.members(permissions.candidateGroups()).stream()
				.anyMatch(person -> person.id().equals(assignee));
		if (!member) {
			throw new BadRequest("A task can only be assigned to a member of its groups");
		}
		completion.assign(taskId, assignee, user);
		redirect.addFlashAttribute("success", "‘" + name + "’ is now assigned to " + page.name(assignee) + ".");
		if (isList(returnTo) || assignee.equals(user.id()) || permissions.isManager()) {
			return back(returnTo, taskId);
		}
		return "redirect:/tasks";
	}

	/** Back to the list the action came from, when it is one of the task lists; else to the task. */
	private static String back(String returnTo, String taskId) {
		return "redirect:" + (isList(returnTo) ? returnTo : "/tasks/" + taskId);
	}

	private static boolean isList(String returnTo) {
		return returnTo != null && LIST_ADDRESS.matcher(returnTo).matches();
	}

	@PostMapping("/tasks/{taskId}/complete")
	String complete(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = access.of(user, taskId).orElse(null);
		if (permissions == null) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return completed(user, taskId, true, model);
		}
		if (!permissions.canComplete()) {
			throw new Forbidden();
		}
		FormSchema schema;
		try {
			schema = forms.forTask(taskId);
		}
		catch (RuntimeException e) {
			return completedMeanwhile(user, taskId, response, model, e);
		}
		FormSubmission submission = schema.validate(request.getParameterMap());
		// checked with the form's own rules, so that every error comes in one round
		Decision decision = submission.checkedValue(Variables.DECISION).flatMap(Decision::of).orElse(null);
		Object reasons = submission.checkedValue(Variables.DECISION_REASON).orElse(null);
		if (decision != null && decision.needsReasons() && (reasons == null || reasons.toString().isBlank())
				&& !submission.errors().containsKey(Variables.DECISION_REASON)) {
			submission = submission.withError(Variables.DECISION_REASON, "Enter the reasons for your decision");
		}
		String comment = decision == null ? null : decision.comment(reasons == null ? null : reasons.toString());
		if (!submission.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(permissions, schema, submission, model);
		}
		try {
			completion.complete(permissions.task(), user, submission.values(), comment);
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return completed(user, taskId, true, model);
		}
		catch (RuntimeException e) {
			return completedMeanwhile(user, taskId, response, model, e);
		}
		redirect.addFlashAttribute("success", "‘" + permissions.task().getName() + "’ is complete.");
		return "redirect:/tasks";
	}

	/**
	 * The answer when the engine failed on a task that someone else completed meanwhile, between
	 * two steps of this request: who completed it, with 409. The engine fails in more than one way
	 * when a task and its execution go while it reads them, not always with its own exceptions;
	 * while the task is still there, the failure is something else and goes on.
	 */
	private String completedMeanwhile(SpinoutUser user, String taskId, HttpServletResponse response, Model model,
			RuntimeException failure) {
		if (access.of(user, taskId).isPresent()) {
			throw failure;
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		return completed(user, taskId, true, model);
	}

	private TaskAccess.Permissions open(SpinoutUser user, String taskId) {
		TaskAccess.Permissions permissions = access.of(user, taskId).orElseThrow(NotFound::new);
		if (!permissions.canSee()) {
			throw new Forbidden();
		}
		return permissions;
	}

	private String show(TaskAccess.Permissions permissions, FormSchema schema, FormSubmission submission,
			Model model) {
		Task task = permissions.task();
		TaskPage.Programme programme = page.programme(task);
		String reference = programme.reference();
		model.addAttribute("task", task);
		model.addAttribute("permissions", permissions);
		model.addAttribute("reference", reference);
		model.addAttribute("programmeName", programme.name());
		model.addAttribute("phase", page.phase(task));
		model.addAttribute("facts", programme.facts());
		model.addAttribute("dueStatus", DueStatus.of(task.getDueDate(), Date.from(clock.instant())));
		model.addAttribute("record", page.record(reference));
		model.addAttribute("assignee", page.name(task.getAssignee()));
		model.addAttribute("members", permissions.canAssign() ? candidates.members(permissions.candidateGroups()) : null);
		model.addAttribute("schema", schema);
		model.addAttribute("submission", submission);
		model.addAllAttributes(documents.forTaskPage(task.getId(), reference));
		return TASK_VIEW;
	}

	/**
	 * A task that is no longer open: who completed it and when, for those who may see its programme.
	 * Someone who only followed a link to it ({@code answered} false) is told no more than that;
	 * someone whose answer came too late is told it was not recorded.
	 */
	private String completed(SpinoutUser user, String taskId, boolean answered, Model model) {
		HistoricTaskInstance finished = page.finished(taskId);
		String reference = finished == null || finished.getProcessInstanceId() == null ? null
				: page.referenceOf(finished);
		if (finished == null || !programmes.canSee(user, reference)) {
			throw new NotFound();
		}
		model.addAttribute("finished", finished);
		model.addAttribute("completedBy", page.name(finished.getAssignee()));
		model.addAttribute("answered", answered);
		model.addAttribute("reference", reference);
		return COMPLETED_VIEW;
	}
}

package org.spinout.task;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.spinout.document.Documents;
import org.spinout.form.FormSchema;
import org.spinout.form.FormSubmission;
import org.spinout.form.Forms;
import org.spinout.identity.Role;
import org.spinout.programme.ProgrammeAccess;
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

	private static final Map<TaskListQuery.View, String> VIEW_PATHS = Map.of(TaskListQuery.View.MINE, "/tasks",
			TaskListQuery.View.AVAILABLE, "/tasks/available", TaskListQuery.View.ALL, "/tasks/all");

	private final TaskLists lists;

	private final TaskAccess access;

	private final TaskPage page;

	private final TaskCompletion completion;

	private final Forms forms;

	private final ProgrammeAccess programmes;

	private final Documents documents;

	TaskController(TaskLists lists, TaskAccess access, TaskPage page, TaskCompletion completion, Forms forms,
			ProgrammeAccess programmes, Documents documents) {
		this.documents = documents;
		this.lists = lists;
		this.access = access;
		this.page = page;
		this.completion = completion;
		this.forms = forms;
		this.programmes = programmes;
	}

	@GetMapping("/tasks")
	String mine(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params, Model model) {
		return list(user, TaskListQuery.View.MINE, params, model);
	}

	@GetMapping("/tasks/available")
	String available(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params,
			Model model) {
		return list(user, TaskListQuery.View.AVAILABLE, params, model);
	}

	@GetMapping("/tasks/all")
	String all(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params, Model model) {
		if (!user.isMemberOf(Role.PROGRAMME_MANAGERS.groupId())) {
			throw new Forbidden();
		}
		return list(user, TaskListQuery.View.ALL, params, model);
	}

	private String list(SpinoutUser user, TaskListQuery.View view, Map<String, String> params, Model model) {
		TaskListQuery query;
		try {
			query = TaskListQuery.of(view, params.get("programme"), params.get("phase"), params.get("overdue"),
					params.get("q"), params.get("sort"), params.get("page"));
		}
		catch (IllegalArgumentException e) {
			throw new BadRequest(e.getMessage());
		}
		Map<String, String> phases = lists.phases();
		if (query.phase() != null && !phases.containsKey(query.phase())) {
			throw new BadRequest("There is no phase called " + query.phase());
		}
		TaskLists.Page result = lists.page(user, query);
		model.addAttribute("result", result);
		model.addAttribute("pagination", Pagination.openEnded(VIEW_PATHS.get(view), params, query.page(), result.more()));
		model.addAttribute("viewPath", VIEW_PATHS.get(view));
		model.addAttribute("phases", phases);
		model.addAttribute("query", query);
		model.addAttribute("isManager", user.isMemberOf(Role.PROGRAMME_MANAGERS.groupId()));
		return LIST_VIEW;
	}

	@GetMapping("/tasks/{taskId}")
	String task(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId, Model model) {
		TaskAccess.Permissions permissions = access.of(user, taskId).orElse(null);
		if (permissions == null) {
			return completed(user, taskId, model);
		}
		if (!permissions.canSee()) {
			throw new Forbidden();
		}
		FormSchema schema = forms.forTask(taskId);
		return show(permissions, schema, null, model);
	}

	@PostMapping("/tasks/{taskId}/claim")
	String claim(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId, Model model,
			RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = open(user, taskId);
		if (!permissions.canClaim()) {
			throw new Forbidden();
		}
		try {
			completion.claim(taskId, user);
		}
		catch (TaskAlreadyClaimedException e) {
			redirect.addFlashAttribute("problem", "Someone else has just claimed this task.");
			return "redirect:/tasks/" + taskId;
		}
		redirect.addFlashAttribute("success", "You have claimed this task.");
		return "redirect:/tasks/" + taskId;
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

	@PostMapping("/tasks/{taskId}/assign")
	String assign(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId,
			@RequestParam(name = "assignee", required = false) String assignee, RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = open(user, taskId);
		if (!permissions.canAssign()) {
			throw new Forbidden();
		}
		if (assignee == null || assignee.isBlank()) {
			throw new BadRequest("Choose the person to assign the task to");
		}
		boolean member = page.members(permissions.candidateGroups()).stream()
				.anyMatch(person -> person.id().equals(assignee));
		if (!member) {
			throw new BadRequest("A task can only be assigned to a member of its groups");
		}
		completion.assign(taskId, assignee, user);
		redirect.addFlashAttribute("success", "The task is now assigned to " + page.name(assignee) + ".");
		return assignee.equals(user.id()) || permissions.isManager() ? "redirect:/tasks/" + taskId : "redirect:/tasks";
	}

	@PostMapping("/tasks/{taskId}/complete")
	String complete(@AuthenticationPrincipal SpinoutUser user, @PathVariable String taskId,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		TaskAccess.Permissions permissions = access.of(user, taskId).orElse(null);
		if (permissions == null) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return completed(user, taskId, model);
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
		String comment = null;
		if (submission.isValid()) {
			Decision decision = Decision.of(submission.values().get(Decision.FIELD)).orElse(null);
			if (decision != null) {
				Object reasons = submission.values().get(Decision.REASON_FIELD);
				if (decision.needsReasons() && (reasons == null || reasons.toString().isBlank())) {
					submission = submission.withError(Decision.REASON_FIELD, "Enter the reasons for your decision");
				}
				else {
					comment = decision.comment(reasons == null ? null : reasons.toString());
				}
			}
		}
		if (!submission.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(permissions, schema, submission, model);
		}
		try {
			completion.complete(permissions.task(), user, submission.values(), comment);
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return completed(user, taskId, model);
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
		return completed(user, taskId, model);
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
		String reference = page.programmeReference(task);
		model.addAttribute("task", task);
		model.addAttribute("permissions", permissions);
		model.addAttribute("reference", reference);
		model.addAttribute("phase", page.phase(task));
		model.addAttribute("facts", page.facts(task));
		model.addAttribute("record", page.record(reference));
		model.addAttribute("assignee", page.name(task.getAssignee()));
		model.addAttribute("members", permissions.canAssign() ? page.members(permissions.candidateGroups()) : null);
		model.addAttribute("schema", schema);
		model.addAttribute("submission", submission);
		model.addAllAttributes(documents.forTaskPage(task.getId(), reference));
		return TASK_VIEW;
	}

	/** A task that is no longer open: who completed it and when, for those who may see its programme. */
	private String completed(SpinoutUser user, String taskId, Model model) {
		HistoricTaskInstance finished = page.finished(taskId);
		if (finished == null || !programmes.canSee(user, finished.getProcessInstanceId() == null ? null
				: page.referenceOf(finished))) {
			throw new NotFound();
		}
		model.addAttribute("finished", finished);
		model.addAttribute("completedBy", page.name(finished.getAssignee()));
		return COMPLETED_VIEW;
	}
}

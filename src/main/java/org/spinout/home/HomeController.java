package org.spinout.home;

import java.util.List;

import org.spinout.identity.Role;
import org.spinout.security.SpinoutUser;
import org.spinout.task.TaskLists;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	static final String VIEW = "home/index";

	private final TaskLists tasks;

	HomeController(TaskLists tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SpinoutUser user, Model model) {
		List<String> roles = user.groups().stream()
				.map(group -> Role.ofGroupId(group).map(Role::displayName).orElse(group))
				.toList();
		model.addAttribute("roles", roles);
		model.addAttribute("counts", tasks.counts(user));
		return VIEW;
	}
}

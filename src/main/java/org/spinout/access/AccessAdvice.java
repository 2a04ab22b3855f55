package org.spinout.access;

import org.spinout.security.SpinoutUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts what the signed-in person may do on every page ({@code may}), so that a page shows a link
 * or a button by the same rule that decides the request it leads to, and no template or
 * controller names a group itself.
 */
@ControllerAdvice
class AccessAdvice {

	private final ProgrammeAccess programmes;

	AccessAdvice(ProgrammeAccess programmes) {
		this.programmes = programmes;
	}

	@ModelAttribute("may")
	May may(@AuthenticationPrincipal SpinoutUser user) {
		if (user == null) {
			return May.NOTHING;
		}
		return new May(programmes.mayStart(user), programmes.mayManage(user), programmes.seesEveryProgramme(user),
				TaskAccess.seesEveryTask(user));
	}

	/** The person's reach across programmes and tasks, as {@link ProgrammeAccess} and {@link TaskAccess} decide it. */
	record May(boolean startProgrammes, boolean manageProgrammes, boolean seeEveryProgramme, boolean seeEveryTask) {

		static final May NOTHING = new May(false, false, false, false);
	}
}

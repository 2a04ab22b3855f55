package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Someone who types the right password while their account is paused after a wrong one is told
 * that signing in may be paused and to wait, not only that the password is wrong; on a desktop and
 * on a phone. The engine's clock stands still, so the pause lasts as long as the test.
 */
@SpinoutWebTest
@Slow
class SignInBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	IdentityService identity;

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void theRightPasswordDuringAPauseIsExplained(int width) {
		String id = "paused" + width;
		if (identity.createUserQuery().userId(id).count() > 0) {
			identity.deleteUser(id);
		}
		User user = identity.newUser(id);
		user.setPassword("correct-horse");
		identity.saveUser(user);
		clock.moveTo(new Date());
		chromium.atWidth(width).driver().manage().deleteAllCookies();
		chromium.signIn(id, "wrong-horse");

		// when the right password follows at once, while the account is paused
		chromium.signIn(id, "correct-horse");

		// then the page says signing in may be paused, and what to do
		String problem = chromium.driver().findElement(By.className("govuk-error-summary")).getText();
		assertThat(problem).contains("Incorrect username or password, or signing in is paused after wrong passwords")
				.contains("wait a minute and try again");
		assertThat(chromium.driver().getCurrentUrl()).endsWith("/login?error");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}
}

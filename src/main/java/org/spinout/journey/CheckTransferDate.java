package org.spinout.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spinout.contract.Delegates;
import org.spinout.contract.Variables;
import org.spinout.deadline.StatutoryClock;
import org.spinout.deadline.StatutoryClocks;
import org.springframework.stereotype.Component;

/**
 * Flags a programme whose target transfer date is too close for the TUPE clocks counted back from
 * it to be met, so the programme manager sees it at the start and whenever the date moves:
 * {@code transferDateAtRisk} (boolean) and {@code transferDateRisk} (a sentence naming the clocks, or
 * null). A clock already met (the information given) is no risk, wherever the date moves.
 */
@Component(Delegates.CHECK_TRANSFER_DATE)
public class CheckTransferDate implements JavaDelegate {

	/** The clocks that end before the transfer date; the others run after it. */
	static final List<String> CLOCKS_BEFORE_TRANSFER = List.of("employee-liability-information",
			"tupe-information-lead-time");

	private final StatutoryClocks clocks;

	private final Clock clock;

	public CheckTransferDate(StatutoryClocks clocks, Clock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Date transferDate = (Date) execution.getVariable(Variables.TARGET_TRANSFER_DATE);
		Object nation = execution.getVariable(Variables.NATION);
		List<String> missed = new ArrayList<>();
		if (transferDate != null) {
			Date now = Date.from(clock.instant());
			for (String name : CLOCKS_BEFORE_TRANSFER) {
				StatutoryClock clock = clocks.get(name);
				boolean met = clock.metBy() != null && execution.getVariable(clock.metBy()) != null;
				if (!met && now.after(clocks.before(name, transferDate, nation == null ? null : nation.toString()))) {
					missed.add(clock.label() + " (" + clock.length() + " " + clock.unit().value() + " before, "
							+ clock.source() + ")");
				}
			}
		}
		execution.setVariable(Variables.TRANSFER_DATE_AT_RISK, !missed.isEmpty());
		execution.setVariable(Variables.TRANSFER_DATE_RISK, missed.isEmpty() ? null
				: "The target transfer date is too close to meet: " + String.join("; ", missed) + ".");
	}
}

package org.spinout.journey;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.spinout.contract.Delegates;
import org.spinout.contract.Messages;
import org.spinout.contract.Variables;
import org.springframework.stereotype.Component;

/**
 * Makes a moved transfer date the programme's: records it on the programme and sends the message
 * {@value Messages#TRANSFER_DATE_MOVED}, with the new date, to every phase of the programme, each of
 * which then moves the clocks it counts from the date ({@link TransferDateClocks}) and checks the
 * date again. Runs where a person has chosen to move the date ({@code ${transferDateMove}}).
 */
@Component(Delegates.TRANSFER_DATE_MOVE)
public class TransferDateMove implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		if (!(execution.getVariable(Variables.TARGET_TRANSFER_DATE) instanceof Date date)) {
			throw new IllegalStateException(
					"The transfer date was moved, but " + Variables.TARGET_TRANSFER_DATE + " holds no date");
		}
		ProgrammeRoot.of(execution).setVariableLocal(Variables.TARGET_TRANSFER_DATE, date);
		ProgrammeRoot.tell(execution, Messages.TRANSFER_DATE_MOVED, Map.of(Variables.TARGET_TRANSFER_DATE, date));
	}
}

package org.spinout.journey;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Makes a moved transfer date the programme's: records it on the programme and sends the message
 * {@value #MESSAGE}, with the new date, to every phase of the programme, each of which then moves the
 * clocks it counts from the date ({@link TransferDateClocks}) and checks the date again. Runs where a
 * person has chosen to move the date ({@code ${transferDateMove}}).
 */
@Component("transferDateMove")
public class TransferDateMove implements JavaDelegate {

	public static final String MESSAGE = "TransferDateMoved";

	public static final String TRANSFER_DATE = "targetTransferDate";

	@Override
	public void execute(DelegateExecution execution) {
		if (!(execution.getVariable(TRANSFER_DATE) instanceof Date date)) {
			throw new IllegalStateException("The transfer date was moved, but " + TRANSFER_DATE + " holds no date");
		}
		ProgrammeRoot.of(execution).setVariableLocal(TRANSFER_DATE, date);
		ProgrammeRoot.tell(execution, MESSAGE, Map.of(TRANSFER_DATE, date));
	}
}

package org.spinout.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The variables the clocks are mapped to ({@code spinout.clocks.<name>.variables}, {@code chosen-by},
 * {@code met-by}) are ones the models or their forms actually set, so a renamed variable cannot
 * silently take a deadline off every page, calendar and alert.
 */
class ClockVariablesTest {

	@Test
	void everyMappedVariableIsNamedByAModelOrAForm() throws IOException {
		// given
		StringBuilder models = new StringBuilder();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				for (Path file : files.toList()) {
					models.append(Files.readString(file));
				}
			}
		}

		// when
		List<String> unknown = new ArrayList<>();
		DeadlineConfiguration.defaultPeriods().forEach((clock, period) -> {
			List<String> names = new ArrayList<>(period.getVariables());
			if (period.getChosenBy() != null) {
				names.add(period.getChosenBy());
			}
			if (period.getMetBy() != null) {
				names.add(period.getMetBy());
			}
			names.stream().filter(name -> !Pattern.compile("\\b" + name + "\\b").matcher(models).find())
					.forEach(name -> unknown.add(clock + ": " + name));
		});

		// then
		assertThat(unknown).isEmpty();
		assertThat(DeadlineConfiguration.defaultPeriods().get("employee-liability-information").getVariables())
				.containsExactly("targetTransferDate");
		assertThat(DeadlineConfiguration.defaultPeriods().get("pa-standstill").getKind()).isEqualTo(ClockKind.WAITING_PERIOD);
	}
}

package org.spinout.programme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.spinout.time.LondonTime;

/**
 * The portfolio as CSV, one row per programme with the columns of the page. Dates are ISO
 * (YYYY-MM-DD) so spreadsheets sort them. A cell that a spreadsheet would run as a formula (one
 * starting with =, +, -, @ or a tab) is written with a leading apostrophe, so an export can never
 * carry a formula into someone's spreadsheet.
 */
final class PortfolioCsv {

	static final List<String> HEADER = List.of("Reference", "Programme", "Parent body", "Status", "Current phases",
			"RAG", "RAG reasons", "Next deadline", "Next deadline date", "Open tasks", "Overdue tasks", "Started",
			"Forecast go-live", "Forecast as of");

	private PortfolioCsv() {
	}

	static void write(List<ProgrammeRow> rows, Writer out) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).setRecordSeparator("\r\n")
				.get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (ProgrammeRow row : rows) {
				printer.printRecord(cells(row).stream().map(PortfolioCsv::safe).toList());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the portfolio export", e);
		}
	}

	/** The cells of one row, in the order of {@link #HEADER}. */
	static List<String> cells(ProgrammeRow row) {
		return List.of(row.reference(), text(row.name()), text(row.parentBody()), row.status().label(),
				String.join("; ", row.phases()), row.rag() == null ? "" : row.rag().colour().label(),
				row.rag() == null ? "" : String.join("; ", row.rag().reasons()),
				row.nextDeadline() == null ? "" : row.nextDeadline().label(),
				row.nextDeadline() == null ? "" : date(row.nextDeadline().day()), String.valueOf(row.openTasks()),
				String.valueOf(row.overdueTasks()), date(row.startedOn()),
				row.forecast() == null ? "" : date(row.forecast().goLive()),
				row.forecast() == null ? "" : date(row.forecast().asOf()));
	}

	private static String safe(String cell) {
		if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			return "'" + cell;
		}
		return cell;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String date(LocalDate day) {
		return day == null ? "" : LondonTime.iso(day);
	}
}

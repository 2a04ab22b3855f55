package org.spinout.form;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heading, paragraph or bullet list of a form's text component. Form texts are Markdown; the
 * part forms use is understood (headings, paragraphs, bullet lists, bold) and everything else
 * is shown as written. The text is never taken as HTML: templates print the runs escaped, so a
 * form or a process variable cannot put markup, script or style on the page.
 *
 * @param kind what the block is
 * @param items the block's lines of runs: one for a heading or paragraph, one per list item
 */
public record TextBlock(Kind kind, List<List<Run>> items) {

	public enum Kind {
		/** A top-level heading ({@code #}): an h2, large, as the page keeps the h1. */
		HEADING_L,
		/** {@code ##}: an h2 of medium size. */
		HEADING_M,
		/** {@code ###} and deeper: an h3. */
		HEADING_S,
		PARAGRAPH,
		BULLETS
	}

	/**
	 * Some text, bold or not. It may hold {@code {{name}}} placeholders until the block is
	 * filled in with the form's values.
	 */
	public record Run(String text, boolean strong) {
	}

	private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");

	private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** The blocks of a Markdown text; refuses a placeholder that is not a plain name. */
	static List<TextBlock> parse(String markdown) {
		List<TextBlock> blocks = new ArrayList<>();
		List<String> paragraph = new ArrayList<>();
		List<List<Run>> bullets = new ArrayList<>();
		for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
			Matcher heading = HEADING.matcher(line);
			Matcher bullet = BULLET.matcher(line);
			if (line.isBlank() || heading.matches() || bullet.matches()) {
				flushParagraph(blocks, paragraph);
			}
			if (!bullet.matches()) {
				flushBullets(blocks, bullets);
			}
			if (heading.matches()) {
				int level = heading.group(1).length();
				Kind kind = level == 1 ? Kind.HEADING_L : level == 2 ? Kind.HEADING_M : Kind.HEADING_S;
				blocks.add(new TextBlock(kind, List.of(runs(heading.group(2)))));
			}
			else if (bullet.matches()) {
				bullets.add(runs(bullet.group(1).trim()));
			}
			else if (!line.isBlank()) {
				paragraph.add(line.trim());
			}
		}
		flushParagraph(blocks, paragraph);
		flushBullets(blocks, bullets);
		return List.copyOf(blocks);
	}

	/** The names of the placeholders in these blocks. */
	static Set<String> placeholders(List<TextBlock> blocks) {
		Set<String> names = new LinkedHashSet<>();
		for (TextBlock block : blocks) {
			for (List<Run> item : block.items) {
				for (Run run : item) {
					Matcher matcher = PLACEHOLDER.matcher(run.text());
					while (matcher.find()) {
						names.add(matcher.group(1).trim());
					}
				}
			}
		}
		return names;
	}

	/** This block with each placeholder replaced by the text {@code values} gives for its name. */
	TextBlock fill(Function<String, String> values) {
		List<List<Run>> filled = items.stream()
				.map(item -> item.stream()
						.map(run -> new Run(PLACEHOLDER.matcher(run.text())
								.replaceAll(match -> Matcher.quoteReplacement(values.apply(match.group(1).trim()))),
								run.strong()))
						.toList())
				.toList();
		return new TextBlock(kind, filled);
	}

	private static void flushParagraph(List<TextBlock> blocks, List<String> lines) {
		if (!lines.isEmpty()) {
			blocks.add(new TextBlock(Kind.PARAGRAPH, List.of(runs(String.join(" ", lines)))));
			lines.clear();
		}
	}

	private static void flushBullets(List<TextBlock> blocks, List<List<Run>> items) {
		if (!items.isEmpty()) {
			blocks.add(new TextBlock(Kind.BULLETS, List.copyOf(items)));
			items.clear();
		}
	}

	private static List<Run> runs(String text) {
		Matcher placeholders = PLACEHOLDER.matcher(text);
		while (placeholders.find()) {
			if (!NAME.matcher(placeholders.group(1).trim()).matches()) {
				throw new IllegalArgumentException("the placeholder {{" + placeholders.group(1)
						+ "}} is not a plain variable name");
			}
		}
		List<Run> runs = new ArrayList<>();
		Matcher bold = BOLD.matcher(text);
		int at = 0;
		while (bold.find()) {
			if (bold.start() > at) {
				runs.add(new Run(text.substring(at, bold.start()), false));
			}
			runs.add(new Run(bold.group(1) != null ? bold.group(1) : bold.group(2), true));
			at = bold.end();
		}
		if (at < text.length()) {
			runs.add(new Run(text.substring(at), false));
		}
		return List.copyOf(runs);
	}
}

package township.rollup.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text cut at its section headings. A heading counts only where it stands alone: a one-cell line, or
 * the first cell of a table row with no values, so that a row label such as {@code 三、本年度办理结果}
 * or a sentence naming a section does not open one.
 */
final class Sections {

	/** A stretch of the text from one heading to the next. */
	private record Part(Section section, int headingLine, List<Token> tokens) {
	}

	private final List<Part> parts;

	private final List<SourceLine> lines;

	private Sections(List<Part> parts, List<SourceLine> lines) {
		this.parts = parts;
		this.lines = lines;
	}

	static Sections of(List<Token> tokens, List<SourceLine> lines) {
		Set<Integer> rowsWithValues = new HashSet<>();
		for (Token token : tokens) {
			if (token.kind() == Token.Kind.VALUE && token.row() >= 0) {
				rowsWithValues.add(token.row());
			}
		}
		List<Part> parts = new ArrayList<>();
		Part current = new Part(Section.PREAMBLE, 0, new ArrayList<>());
		parts.add(current);
		Set<Integer> rowStarted = new HashSet<>();
		for (Token token : tokens) {
			boolean firstOfRow = token.row() < 0 || !rowStarted.contains(token.row());
			if (token.row() >= 0 && token.kind() != Token.Kind.EMPTY && token.kind() != Token.Kind.ROW_END) {
				rowStarted.add(token.row());
			}
			if (token.isText() && !token.carried() && firstOfRow && !rowsWithValues.contains(token.row())) {
				Section section = Section.ofHeading(token.text());
				if (section != null) {
					current = new Part(section, token.line(), new ArrayList<>());
					parts.add(current);
					continue;
				}
			}
			current.tokens().add(token);
		}
		return new Sections(parts, lines);
	}

	boolean has(Section section) {
		return parts.stream().anyMatch(p -> p.section() == section);
	}

	/** The tokens of every stretch of the section, in text order (a table printed twice gives both). */
	List<Token> tokens(Section section) {
		List<Token> tokens = new ArrayList<>();
		parts.stream().filter(p -> p.section() == section).forEach(p -> tokens.addAll(p.tokens()));
		return tokens;
	}

	int headingLine(Section section) {
		return parts.stream().filter(p -> p.section() == section).mapToInt(Part::headingLine).findFirst().orElse(0);
	}

	/** The text ends in this section. */
	boolean isLast(Section section) {
		return parts.get(parts.size() - 1).section() == section;
	}

	/** The text ends before the section's place: the last section seen comes before it in the report. */
	boolean endsBefore(Section section) {
		return parts.get(parts.size() - 1).section().ordinal() < section.ordinal();
	}

	/** The lines of the section's stretches, headings excluded. */
	List<SourceLine> lines(Section section) {
		List<SourceLine> out = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			if (part.section() != section) {
				continue;
			}
			int from = part.headingLine();
			int to = i + 1 < parts.size() ? parts.get(i + 1).headingLine() : Integer.MAX_VALUE;
			for (SourceLine line : lines) {
				if (line.number() > from && line.number() < to) {
					out.add(line);
				}
			}
		}
		return out;
	}

}

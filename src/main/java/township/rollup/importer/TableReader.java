package township.rollup.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import township.rollup.reportformat.RowDef;

/**
 * Finds the rows of a table in its section: a row starts at its label and takes the values and empty
 * cells that follow, until the next label of any kind (a row, a caption, a header, a sentence) or the end
 * of the table row the label is on. Values that follow no label belong to no row. Table 4, whose one data
 * row has no label, takes the values after its last header.
 */
final class TableReader {

	/** The rows seen, each with every place its label stood, and numbered rows seen under another group. */
	record Sightings(Map<String, List<RowSighting>> rows, Map<String, OutOfGroup> outOfGroup) {
	}

	/** A numbered row's label under the wrong caption: the label, its line and the caption it stood under. */
	record OutOfGroup(String text, int line, String caption) {
	}

	private TableReader() {
	}

	/**
	 * @param tokens the tokens of the table's section, after its heading
	 * @param lastSection whether the text ends in this section, so that a row still open at its end is cut
	 */
	static Sightings rows(List<Token> tokens, RowIndex index, boolean lastSection, boolean cutOff) {
		Map<String, List<RowSighting>> rows = new LinkedHashMap<>();
		Map<String, OutOfGroup> outOfGroup = new LinkedHashMap<>();
		String group = "";
		String groupText = "";
		Open open = null;
		String lastOpened = null;
		boolean textSinceLastOpened = false;
		int closedByRow = -1;
		int lastSourceRow = tokens.stream().mapToInt(Token::row).max().orElse(-1);
		for (Token token : tokens) {
			switch (token.kind()) {
				case TEXT -> {
					String caption = index.captionKey(token.text());
					if (token.carried()) {
						if (caption != null) {
							group = caption;
							groupText = token.text().strip();
						}
						continue;
					}
					close(open, rows);
					open = null;
					textSinceLastOpened = true;
					List<RowDef> matched = index.match(token.text(), group);
					if (matched.size() == 1) {
						open = new Open(matched.get(0), token.line(), token.row(), null);
						lastOpened = open.row.code();
						textSinceLastOpened = false;
					}
					else if (caption != null) {
						group = caption;
						groupText = token.text().strip();
					}
					else if (matched.isEmpty()) {
						List<RowDef> elsewhere = index.matchOutOfGroup(token.text(), group);
						if (elsewhere.size() == 1) {
							outOfGroup.putIfAbsent(elsewhere.get(0).code(),
									new OutOfGroup(token.text().strip(), token.line(), groupText));
						}
						else if (elsewhere.isEmpty()) {
							List<RowDef> shortened = index.matchShortened(token.text(), group);
							if (shortened.size() == 1) {
								open = new Open(shortened.get(0), token.line(), token.row(), token.text().strip());
								lastOpened = open.row.code();
								textSinceLastOpened = false;
							}
						}
					}
				}
				case VALUE, EMPTY -> {
					if (open != null) {
						open.slots.add(token);
					}
				}
				case ROW_END -> {
					if (open != null && open.endsWith(token.row())) {
						close(open, rows);
						open = null;
						closedByRow = token.row();
					}
				}
			}
		}
		boolean stillOpen = open != null;
		close(open, rows);
		// The text ends in the last row read: a row of one-cell lines could have gone on (a page cut at a
		// line end looks whole), and a table row on the last line of a cut-off text may have lost cells.
		boolean cut = stillOpen || (cutOff && closedByRow == lastSourceRow);
		if (lastSection && lastOpened != null && !textSinceLastOpened && cut) {
			List<RowSighting> seen = rows.get(lastOpened);
			RowSighting last = seen.get(seen.size() - 1);
			seen.set(seen.size() - 1, new RowSighting(last.row(), last.labelLine(), last.labelRow(), last.slots(), true,
					last.shortenedLabel()));
		}
		return new Sightings(rows, outOfGroup);
	}

	/**
	 * Table 4: the values after the last of its headers (or after its heading when the headers are
	 * missing), up to the next text.
	 */
	static Sightings lastRow(List<Token> tokens, RowDef row, Set<String> headerKeys, int headingLine,
			boolean lastSection) {
		int anchor = -1;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isText() && !token.carried() && (headerKeys.contains(LabelText.key(token.text()))
					|| headerKeys.contains(LabelText.coreKey(token.text())))) {
				anchor = i;
			}
		}
		int labelLine = anchor < 0 ? headingLine : tokens.get(anchor).line();
		int labelRow = anchor < 0 ? -1 : tokens.get(anchor).row();
		List<Token> slots = new ArrayList<>();
		boolean ended = true;
		for (int i = anchor + 1; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isText() && !token.carried()) {
				ended = false;
				break;
			}
			if (token.isSlot()) {
				slots.add(token);
			}
		}
		Map<String, List<RowSighting>> rows = new LinkedHashMap<>();
		rows.put(row.code(), List.of(new RowSighting(row, labelLine, labelRow, slots, ended && lastSection, null)));
		return new Sightings(rows, Map.of());
	}

	private static void close(Open open, Map<String, List<RowSighting>> rows) {
		if (open == null) {
			return;
		}
		rows.computeIfAbsent(open.row.code(), k -> new ArrayList<>())
			.add(new RowSighting(open.row, open.line, open.sourceRow, open.slots, false, open.shortenedLabel));
	}

	/** A row being read. */
	private static final class Open {

		final RowDef row;

		final int line;

		final int sourceRow;

		final List<Token> slots = new ArrayList<>();

		/** The label as printed, when it matched only as a shortened label ({@link RowIndex#matchShortened}). */
		final String shortenedLabel;

		Open(RowDef row, int line, int sourceRow, String shortenedLabel) {
			this.row = row;
			this.line = line;
			this.sourceRow = sourceRow;
			this.shortenedLabel = shortenedLabel;
		}

		/** A table row's end ends the row read from it: the row of the label, or of its values. */
		boolean endsWith(int sourceRow) {
			return this.sourceRow == sourceRow || slots.stream().anyMatch(t -> t.row() == sourceRow);
		}

	}

}

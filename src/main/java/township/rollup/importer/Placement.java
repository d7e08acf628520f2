package township.rollup.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import township.rollup.reportformat.ColumnDef;
import township.rollup.reportformat.RowDef;
import township.rollup.reportformat.TableDef;

/**
 * Puts a row's values into its columns only where that is safe: in the positions of an HTML grid whose
 * cells are all explicit, or in order when there are exactly as many values as columns. Anything else
 * leaves the whole row unplaced. Empty cells of copied text prove nothing about positions (they may be
 * filler of merged cells), so they are never counted as positions; a row of empty cells only is blank.
 */
final class Placement {

	private Placement() {
	}

	/**
	 * The cells of a row read in its table.
	 *
	 * @param textEndsInTable whether the text ends in this table, so that a row after the last one seen
	 * is missing because the text ends
	 */
	static List<CellImport> place(TableDef table, RowDef row, List<RowSighting> sightings,
			TableReader.OutOfGroup outOfGroup, boolean textEndsInTable, boolean afterLastSeen) {
		if (sightings.isEmpty()) {
			if (outOfGroup != null) {
				return all(table, row, ImportStatus.AMBIGUOUS, List.of(outOfGroup.line()), Reason.OUT_OF_GROUP,
						List.of(outOfGroup.text(), outOfGroup.caption()));
			}
			return all(table, row, ImportStatus.NOT_FOUND, List.of(),
					textEndsInTable && afterLastSeen ? Reason.TEXT_ENDS : Reason.ROW_MISSING, List.of());
		}
		if (sightings.size() > 1) {
			List<Integer> lines = sightings.stream().map(RowSighting::labelLine).toList();
			return all(table, row, ImportStatus.AMBIGUOUS, lines, Reason.DUPLICATE_ROW,
					List.of(joinLines(lines)));
		}
		RowSighting seen = sightings.get(0);
		List<ColumnDef> columns = row.columns();
		int c = columns.size();
		List<Token> values = new ArrayList<>(seen.slots().stream().filter(t -> t.kind() == Token.Kind.VALUE).toList());
		// Markers after the last number are not counted: most stand in a position the template does not
		// have (2019 (八), (九): third column), and counted they would fill a column whenever a number of the
		// row is missing (| 4 | 0 | / | without the 4 would read 0 and /)
		while (!values.isEmpty() && ValueText.isNotApplicable(values.get(values.size() - 1).text())) {
			values.remove(values.size() - 1);
		}
		if (seen.openAtEnd()) {
			// however many values are there, the text may have lost some of the row's: count proves nothing
			return all(table, row, ImportStatus.NOT_FOUND, lines(seen), Reason.TEXT_ENDS, List.of());
		}
		if (exact(seen) && seen.slots().size() == c) {
			List<CellImport> cells = new ArrayList<>();
			for (int i = 0; i < c; i++) {
				cells.add(cell(table, row, columns.get(i), seen.slots().get(i), Reason.IN_GRID));
			}
			return cells;
		}
		if (values.size() == c) {
			List<CellImport> cells = new ArrayList<>();
			for (int i = 0; i < c; i++) {
				CellImport cell = cell(table, row, columns.get(i), values.get(i), Reason.IN_ORDER);
				if (seen.shortenedLabel() != null && cell.reason() == Reason.IN_ORDER) {
					// the record says the row was known by a label that lost characters, and shows it
					cell = new CellImport(cell.code(), cell.tableName(), cell.rowLabel(), cell.columnLabel(), cell.status(),
							cell.text(), cell.lines(), Reason.SHORTENED_LABEL, List.of(seen.shortenedLabel()));
				}
				cells.add(cell);
			}
			return cells;
		}
		List<Integer> lines = lines(seen);
		if (values.isEmpty()) {
			return seen.slots().isEmpty()
					? all(table, row, ImportStatus.NOT_FOUND, lines, Reason.LABEL_ONLY, List.of())
					: all(table, row, ImportStatus.BLANK, lines, Reason.ROW_EMPTY, List.of());
		}
		return all(table, row, ImportStatus.AMBIGUOUS, lines, Reason.COUNT_MISMATCH,
				List.of(String.valueOf(values.size()), String.valueOf(c)));
	}

	/** Every cell of a row with one status: a table not read, a row not found or not placeable. */
	static List<CellImport> all(TableDef table, RowDef row, ImportStatus status, List<Integer> lines, Reason reason,
			List<String> args) {
		List<CellImport> cells = new ArrayList<>();
		for (ColumnDef column : row.columns()) {
			cells.add(new CellImport(row.cellCode(column), table.name(), row.label(), column.displayLabel(), status, "",
					lines, reason, args));
		}
		return cells;
	}

	/** The slots all belong to one HTML grid row, the label's own or (Table 4) one of values only. */
	private static boolean exact(RowSighting seen) {
		if (seen.slots().isEmpty()) {
			return false;
		}
		int sourceRow = seen.slots().get(0).row();
		if (sourceRow < 0) {
			return false;
		}
		return seen.slots().stream().allMatch(t -> t.exact() && t.row() == sourceRow);
	}

	private static CellImport cell(TableDef table, RowDef row, ColumnDef column, Token token, Reason placed) {
		String code = row.cellCode(column);
		List<Integer> lines = List.of(token.line());
		if (token.kind() == Token.Kind.EMPTY) {
			return new CellImport(code, table.name(), row.label(), column.displayLabel(), ImportStatus.BLANK, "", lines,
					Reason.CELL_EMPTY, List.of());
		}
		ImportStatus status = ValueText.status(token.text(), column);
		Reason reason = switch (status) {
			case NA -> Reason.MARKER;
			case UNREADABLE -> Reason.NOT_A_NUMBER;
			default -> placed;
		};
		List<String> args = status == ImportStatus.UNREADABLE
				? List.of(token.text().strip(), column.type().name(), column.unit()) : List.of();
		return new CellImport(code, table.name(), row.label(), column.displayLabel(), status, token.text().strip(),
				lines, reason, args);
	}

	private static List<Integer> lines(RowSighting seen) {
		TreeSet<Integer> lines = new TreeSet<>();
		lines.add(seen.labelLine());
		seen.slots().forEach(t -> lines.add(t.line()));
		return List.copyOf(lines);
	}

	static String joinLines(List<Integer> lines) {
		return String.join("、", lines.stream().map(String::valueOf).toList());
	}

}

package township.rollup.reportformat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import township.rollup.bytes.Sha256;


/**
 * One national report format (for example {@code 2019}, the trial format of 国办公开办函〔2019〕60号),
 * with its tables in template order and every cell addressable by code.
 */
public final class ReportFormat {

	private final String id;

	private final String title;

	private final String basis;

	private final List<TableDef> tables;

	private final Map<String, List<ColumnDef>> columnSets;

	private final Map<String, RowDef> rows;

	private final Map<String, CellDef> cells;

	private final Map<String, NarrativeMetric> narrative;

	ReportFormat(String id, String title, String basis, List<TableDef> tables, Map<String, List<ColumnDef>> columnSets,
			List<NarrativeMetric> narrative) {
		this.id = id;
		this.title = title;
		this.basis = basis;
		this.tables = List.copyOf(tables);
		this.columnSets = Collections.unmodifiableMap(new LinkedHashMap<>(columnSets));
		Map<String, RowDef> rowMap = new LinkedHashMap<>();
		Map<String, CellDef> cellMap = new LinkedHashMap<>();
		for (TableDef table : tables) {
			for (BlockDef block : table.blocks()) {
				for (BlockDef.Line line : block.lines()) {
					if (line.isCaption()) {
						continue;
					}
					RowDef row = line.row();
					if (rowMap.put(row.code(), row) != null) {
						throw new IllegalStateException("format " + id + ": duplicate row code " + row.code());
					}
					for (int i = 0; i < row.columns().size(); i++) {
						ColumnDef column = row.columns().get(i);
						cellMap.put(row.cellCode(column), new CellDef(row.cellCode(column), row, column, i));
					}
				}
			}
		}
		this.rows = Collections.unmodifiableMap(rowMap);
		this.cells = Collections.unmodifiableMap(cellMap);
		Map<String, NarrativeMetric> narrativeMap = new LinkedHashMap<>();
		narrative.forEach(m -> narrativeMap.put(m.code(), m));
		this.narrative = Collections.unmodifiableMap(narrativeMap);
		this.rowList = List.copyOf(rowMap.values());
		this.cellList = List.copyOf(cellMap.values());
		this.narrativeList = List.copyOf(narrativeMap.values());
		StringBuilder layout = new StringBuilder(id);
		cellList.forEach(c -> layout.append(',').append(c.code()));
		narrativeList.forEach(m -> layout.append(',').append(m.code()));
		this.layoutKey = id + "@" + Sha256.hex(layout.toString()).substring(0, 12);
		Map<String, Integer> at = new java.util.HashMap<>();
		cellList.forEach(c -> at.put(c.code(), at.size()));
		narrativeList.forEach(m -> at.put(m.code(), at.size()));
		this.positions = Collections.unmodifiableMap(at);
	}

	/** Each number's place in the format: its cells in template order, then its 总体情况 figures. */
	private final Map<String, Integer> positions;

	/**
	 * Where the number of {@code code} is in the format's order of numbers (its cells, then its 总体情况
	 * figures: the order of {@link FormNumbers} and of a stored vector of numbers); -1 for no such number.
	 */
	public int position(String code) {
		Integer at = positions.get(code);
		return at == null ? -1 : at;
	}

	/** How many numbers a report of the format has: its cells and its 总体情况 figures. */
	public int numberCount() {
		return cellList.size() + narrativeList.size();
	}

	private final String layoutKey;

	/**
	 * The format's id and a short digest of its cells in order: what a list of numbers stored in that
	 * order is valid for.
	 */
	public String layoutKey() {
		return layoutKey;
	}

	// the lists are read for every file of a run: made once
	private final List<RowDef> rowList;

	private final List<CellDef> cellList;

	private final List<NarrativeMetric> narrativeList;

	public String id() {
		return id;
	}

	public String title() {
		return title;
	}

	public String basis() {
		return basis;
	}

	public List<TableDef> tables() {
		return tables;
	}

	public TableDef table(String code) {
		return tables.stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("format " + id + " has no table " + code));
	}

	/** Data rows in template order. */
	public List<RowDef> rows() {
		return rowList;
	}

	public List<RowDef> rowsOf(String tableCode) {
		List<RowDef> result = new ArrayList<>();
		for (RowDef row : rows.values()) {
			if (row.tableCode().equals(tableCode)) {
				result.add(row);
			}
		}
		return result;
	}

	public Optional<RowDef> row(String code) {
		return Optional.ofNullable(rows.get(code));
	}

	/** Value cells in template order. */
	public List<CellDef> cells() {
		return cellList;
	}

	public Optional<CellDef> cell(String code) {
		return Optional.ofNullable(cells.get(code));
	}

	public List<ColumnDef> columnSet(String name) {
		List<ColumnDef> set = columnSets.get(name);
		if (set == null) {
			throw new IllegalArgumentException("format " + id + " has no column set " + name);
		}
		return set;
	}

	public Map<String, List<ColumnDef>> columnSets() {
		return columnSets;
	}

	public List<NarrativeMetric> narrativeMetrics() {
		return narrativeList;
	}

	public Optional<NarrativeMetric> narrativeMetric(String code) {
		return Optional.ofNullable(narrative.get(code));
	}

	@Override
	public String toString() {
		return "ReportFormat[" + id + "]";
	}

}

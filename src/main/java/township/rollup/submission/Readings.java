package township.rollup.submission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was read from a file, as one stored text and back: metadata, cells, narrative numbers, notes. */
public final class Readings {

	private Readings() {
	}

	public static String encode(ParsedSubmission p) {
		StringBuilder out = new StringBuilder(8192);
		Meta m = p.meta();
		Fields.append(out, "R", p.fileName(), p.encoding(), p.formatId(), m.unitName(), m.unitCode(), m.year(), m.format());
		p.metaLines().forEach((code, line) -> Fields.append(out, "L", code, line));
		p.cells().values().forEach(c -> cell(out, "C", c));
		p.narrative().values().forEach(c -> cell(out, "X", c));
		p.notes().forEach(n -> Fields.append(out, "N", n.line(), n.ruleId(), n.text()));
		return out.toString();
	}

	/**
	 * A cell as {@code tag, code, line, kind, value, raw}; for a number written as its plain value (the
	 * common case) the raw text is left empty, which no number cell can otherwise be.
	 */
	private static void cell(StringBuilder out, String tag, Cell c) {
		String value = c.value() == null ? null : c.value().toPlainString();
		String raw = value != null && value.equals(c.raw()) ? "" : c.raw();
		Fields.append(out, tag, c.code(), c.line(), c.kind().name(), value, raw);
	}

	public static ParsedSubmission decode(String encoded) {
		String fileName = null;
		String encoding = null;
		String formatId = null;
		Meta meta = new Meta(null, null, null, null);
		Map<String, Integer> metaLines = new LinkedHashMap<>();
		Map<String, Cell> cells = new LinkedHashMap<>();
		Map<String, Cell> narrative = new LinkedHashMap<>();
		List<Note> notes = new ArrayList<>();
		for (String[] f : Fields.lines(encoded)) {
			switch (f[0]) {
				case "R" -> {
					fileName = f[1];
					encoding = f[2];
					formatId = f[3];
					meta = new Meta(f[4], f[5], f[6], f[7]);
				}
				case "L" -> metaLines.put(f[1], Integer.valueOf(f[2]));
				case "C", "X" -> {
					String raw = f[4] != null && f[5] != null && f[5].isEmpty() ? f[4] : f[5];
					Cell cell = new Cell(f[1], Integer.parseInt(f[2]), raw, CellKind.valueOf(f[3]),
							f[4] == null ? null : new BigDecimal(f[4]));
					(f[0].equals("C") ? cells : narrative).put(cell.code(), cell);
				}
				case "N" -> notes.add(new Note(Integer.parseInt(f[1]), f[2], f[3]));
				default -> throw new IllegalStateException("stored reading has an unknown line " + f[0]);
			}
		}
		return new ParsedSubmission(fileName, encoding, meta, formatId, cells, narrative, notes, metaLines);
	}

}

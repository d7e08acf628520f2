package township.rollup.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import township.rollup.importer.SourceLine.Field;
import township.rollup.importer.SourceLine.Layout;

/**
 * Rebuilds the rows of a table printed on a page from words and where they stand: the words of a PDF's
 * text layer ({@link PdfText}, positions in points) or of {@code pdftotext -layout} text (columns kept
 * apart by runs of spaces, positions in characters). Both arrive here as lines of positioned words, and
 * leave as the lines of cells every other layout gives ({@link SourceLine}), so that rows are found and
 * values placed by the one reader of tables ({@link TableReader}, {@link Placement}).
 *
 * <p>
 * What a printed table does to its cells, undone here:
 * <ul>
 * <li>a label wrapped inside its cell continues on the next lines at the same left edge; pieces are
 * joined when, and only when, the joined text is a label the formats know;</li>
 * <li>a merged group label in a column one character wide ({@code 三、本年度办理结果}) is printed one
 * character per line down the side; those characters are joined the same way;</li>
 * <li>a row's numbers stand on one line of its label (the first, the last, or between two when centred):
 * they belong to the label on their line, else to the wrapped label whose lines they stand between, else to
 * the label that ends just above them;</li>
 * <li>a group caption centred beside its rows ({@code （三）不予公开} beside row 4) is read before the
 * first row of its group, so that the rows above it are read under it;</li>
 * <li>page footers ({@code - 3 -}, {@code 第3页}) are not text of the report.</li>
 * </ul>
 * Where the page draws ruling lines ({@link PdfText}), the cell rows they make decide: the lines of one
 * cell are one label whatever its text, and a row's values belong to the label of their own cell row.
 * Nothing is placed by position: a row's values are placed only by count, as for any text.
 */
final class ColumnText {

	/**
	 * A word and where it stands: left and right edge, in the unit of its source; and the cell of a ruled
	 * table it stands in, when the page draws one: words of one band (between the same two ruling lines
	 * across the word) are of one cell row, whatever their text.
	 *
	 * @param band the band between the ruling lines above and below the word, or -1 where none are drawn
	 */
	record Word(double x, double right, String text, long band) {

		Word(double x, double right, String text) {
			this(x, right, text, -1);
		}

	}

	/** A line of the page, numbered as the source is. */
	record Line(int number, List<Word> words) {
	}

	/** How far apart two left edges may be and still be one column: 3 pt in a PDF, 2 characters in text. */
	record Tolerance(double column, double character) {
	}

	static final Tolerance POINTS = new Tolerance(4, 4);

	static final Tolerance CHARACTERS = new Tolerance(2, 1);

	private static final Pattern FOOTER = Pattern
		.compile("[-—–－]\\s*\\d{1,4}\\s*[-—–－]|第\\s*\\d{1,4}\\s*页(\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4}");

	private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\s*[.．、].*");

	/** A label is not wrapped over more lines than this; a vertical group label has at most this many characters. */
	private static final int MAX_PIECES = 14;

	/** Lines without a piece that a wrapped label may step over (the row's numbers centred between its lines). */
	private static final int MAX_GAP = 2;

	private ColumnText() {
	}

	/** A word of the page, once read: a value, or a piece of some label. */
	private static final class Piece {

		final int line;

		final Word word;

		final boolean value;

		Label label;

		Piece(int line, Word word) {
			this.line = line;
			this.word = word;
			this.value = ValueText.isValueLike(word.text());
		}

	}

	/** Pieces joined into one label. */
	private static final class Label {

		final List<Piece> pieces = new ArrayList<>();

		final List<Piece> values = new ArrayList<>();

		String text() {
			StringBuilder s = new StringBuilder();
			pieces.forEach(p -> s.append(p.word.text().strip()));
			return s.toString();
		}

		int first() {
			return pieces.get(0).line;
		}

		int last() {
			return pieces.get(pieces.size() - 1).line;
		}

		double x() {
			return pieces.get(0).word.x();
		}

		boolean isRow() {
			return !values.isEmpty();
		}

		int number() {
			Matcher m = NUMBERED.matcher(text());
			return m.matches() && m.group(1).length() < 4 ? Integer.parseInt(m.group(1)) : -1;
		}

	}

	/** One output line, ordered by the place of its first piece. */
	private record Item(int line, double x, Label label, List<Piece> orphanValues) {
	}

	static List<SourceLine> assemble(List<Line> input, Predicate<String> knownLabel, Tolerance tolerance) {
		List<List<Piece>> lines = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		for (Line line : input) {
			String whole = String.join(" ", line.words().stream().map(Word::text).toList()).strip();
			if (line.words().isEmpty() || FOOTER.matcher(whole).matches()) {
				continue;
			}
			List<Piece> pieces = new ArrayList<>();
			line.words().stream().sorted(Comparator.comparingDouble(Word::x)).forEach(w -> pieces.add(new Piece(line.number(), w)));
			lines.add(pieces);
			numbers.add(line.number());
		}
		List<Label> labels = new ArrayList<>();
		// a group label down the side first, so that its characters are not taken for pieces of other labels
		for (int i = 0; i < lines.size(); i++) {
			for (Piece p : lines.get(i)) {
				if (p.label == null && !p.value && isOneCharacter(p)) {
					Label vertical = join(lines, i, p, knownLabel, tolerance.character(), true);
					if (vertical != null && vertical.pieces.size() > 2) {
						labels.add(vertical);
					}
					else if (vertical != null) {
						vertical.pieces.forEach(q -> q.label = null);
					}
				}
			}
		}
		for (int i = 0; i < lines.size(); i++) {
			for (Piece p : lines.get(i)) {
				if (p.label == null && !p.value) {
					Label label = join(lines, i, p, knownLabel, tolerance.column(), false);
					if (label == null) {
						label = new Label();
						label.pieces.add(p);
						p.label = label;
					}
					labels.add(label);
				}
			}
		}
		List<Piece> orphans = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			List<Piece> values = lines.get(i).stream().filter(p -> p.value).toList();
			if (values.isEmpty()) {
				continue;
			}
			Label owner = ownerOf(lines.get(i), values.get(0), labels);
			if (owner == null) {
				orphans.addAll(values);
			}
			else {
				owner.values.addAll(values);
			}
		}
		List<Item> items = new ArrayList<>();
		labels.forEach(l -> items.add(new Item(l.first(), l.x(), l, List.of())));
		for (Piece orphan : orphans) {
			if (items.stream().noneMatch(it -> it.label() == null && it.line() == orphan.line)) {
				items.add(new Item(orphan.line, orphan.word.x(), null,
						orphans.stream().filter(o -> o.line == orphan.line).toList()));
			}
		}
		items.sort(Comparator.comparingInt(Item::line).thenComparingDouble(Item::x));
		return lines(captionsFirst(items));
	}

	private static boolean isOneCharacter(Piece p) {
		return p.word.text().strip().codePointCount(0, p.word.text().strip().length()) == 1;
	}

	/**
	 * The longest label the formats know that starts with {@code start} and goes on down its column, or
	 * null. The pieces of the label found are marked as taken.
	 *
	 * <p>
	 * A label printed with a space inside ({@code 4.无正当理由大量反复 申请}) arrives as two words of one
	 * line: the words right of {@code start} on its line, up to its first value, are taken with it when,
	 * and only when, the label they make (with its continuation lines) is exactly one the formats know.
	 * So are a continuation line indented or centred under the label's first line (within its width, in
	 * the same ruled cell), and the rest of a label carried over a page break (a table row broken across
	 * two pages: the cell continues in the first cell row of the next page); never by the ruling alone.
	 */
	private static Label join(List<List<Piece>> lines, int from, Piece start, Predicate<String> knownLabel,
			double tolerance, boolean oneCharacterEach) {
		if (!oneCharacterEach) {
			List<Piece> right = rightOf(lines.get(from), start);
			for (int m = right.size(); m >= 1; m--) {
				List<Piece> head = new ArrayList<>();
				head.add(start);
				head.addAll(right.subList(0, m));
				Label wide = join(lines, from, head, knownLabel, tolerance, false, true);
				if (wide != null) {
					return wide;
				}
			}
		}
		return join(lines, from, List.of(start), knownLabel, tolerance, oneCharacterEach, false);
	}

	/** The words right of {@code start} on its line, before its first value or a word already taken. */
	private static List<Piece> rightOf(List<Piece> line, Piece start) {
		List<Piece> right = new ArrayList<>();
		boolean after = false;
		for (Piece p : line) {
			if (p == start) {
				after = true;
				continue;
			}
			if (!after) {
				continue;
			}
			if (p.value || p.label != null || p.word.band() != start.word.band() || right.size() >= 3) {
				break;
			}
			right.add(p);
		}
		return right;
	}

	/**
	 * @param strict take the label only when its text is exactly a label the formats know: the first line
	 *        was put together from several words, or a piece came from off the column or the page
	 */
	private static Label join(List<List<Piece>> lines, int from, List<Piece> head, Predicate<String> knownLabel,
			double tolerance, boolean oneCharacterEach, boolean strict) {
		Piece start = head.get(0);
		double left = start.word.x();
		double right = head.get(head.size() - 1).word.right();
		long band = start.word.band();
		List<Piece> pieces = new ArrayList<>(head);
		StringBuilder text = new StringBuilder();
		head.forEach(p -> text.append(p.word.text().strip()));
		int best = knownLabel.test(text.toString()) ? head.size() : 0;
		boolean offColumn = strict;
		int gap = 0;
		for (int i = from + 1; i < lines.size() && pieces.size() < MAX_PIECES && gap <= MAX_GAP; i++) {
			Piece next = null;
			boolean indented = false;
			for (Piece p : lines.get(i)) {
				if (p.value || p.label != null || oneCharacterEach && !isOneCharacter(p)) {
					continue;
				}
				if (Math.abs(p.word.x() - left) <= tolerance) {
					next = p;
					break;
				}
				if (!oneCharacterEach && band >= 0 && p.word.band() == band && p.word.x() > left
						&& p.word.x() < right) {
					next = p; // a continuation centred or indented under the first line, in the same cell
					indented = true;
					break;
				}
			}
			if (next == null) {
				gap++;
				continue;
			}
			long lastBand = pieces.get(pieces.size() - 1).word.band();
			boolean overPage = band >= 0 && next.word.band() >= 0 && page(next.word.band()) > page(lastBand);
			if (band >= 0 && next.word.band() >= 0 && next.word.band() != lastBand && !overPage) {
				break; // the next cell of a ruled column: another label
			}
			gap = 0;
			offColumn |= indented || overPage || next.word.band() != band;
			pieces.add(next);
			text.append(next.word.text().strip());
			if (knownLabel.test(text.toString()) || !offColumn && band >= 0 && next.word.band() == band) {
				best = pieces.size(); // a label the formats know, or the lines of one ruled cell
			}
		}
		if (best == 0 || best < head.size() || (best == 1 && oneCharacterEach)) {
			return null;
		}
		if (strict && !knownLabel.test(joinedText(pieces.subList(0, best)))) {
			return null;
		}
		Label label = new Label();
		label.pieces.addAll(pieces.subList(0, best));
		label.pieces.forEach(p -> p.label = label);
		return label;
	}

	private static String joinedText(List<Piece> pieces) {
		StringBuilder s = new StringBuilder();
		pieces.forEach(p -> s.append(p.word.text().strip()));
		return s.toString();
	}

	/** The page of a ruled cell row ({@link PdfText} numbers bands page by page). */
	private static long page(long band) {
		return band / 1_000_000L;
	}

	/**
	 * The label a line's values belong to: the nearest label piece left of them on their line; else a
	 * wrapped label whose lines they stand between; else a label ending on one of the two lines above.
	 */
	private static Label ownerOf(List<Piece> line, Piece firstValue, List<Label> labels) {
		long band = firstValue.word.band();
		if (band >= 0) {
			// a ruled table: the label in the values' own cell row, nearest left of them
			// (one standing on the values' own line first: a note in the cell below its label is not the row)
			Label inBand = null;
			boolean onLine = false;
			for (Label l : labels) {
				if (!isVertical(l) && l.x() < firstValue.word.x() && l.pieces.stream().allMatch(p -> p.word.band() == band)) {
					boolean own = l.pieces.stream().anyMatch(p -> p.line == firstValue.line);
					if (inBand == null || own && !onLine || own == onLine && l.x() > inBand.x()) {
						inBand = l;
						onLine = own;
					}
				}
			}
			if (inBand != null) {
				return inBand.isRow() ? null : inBand;
			}
		}
		Label own = null;
		for (Piece p : line) {
			if (!p.value && p.word.x() < firstValue.word.x() && p.label != null && !isVerticalPiece(p)) {
				own = p.label;
			}
		}
		if (own != null) {
			return own.isRow() ? null : own;
		}
		int at = firstValue.line;
		Label between = null;
		for (Label l : labels) {
			if (!l.isRow() && l.pieces.size() > 1 && l.first() < at && l.last() > at && l.x() < firstValue.word.x()
					&& (between == null || l.x() > between.x())) {
				between = l;
			}
		}
		if (between != null) {
			return between;
		}
		Label above = null;
		for (Label l : labels) {
			if (!l.isRow() && l.last() < at && l.last() >= at - 2 && l.x() < firstValue.word.x()
					&& aloneOnItsLines(l, labels) && (above == null || l.last() > above.last() || l.last() == above.last() && l.x() > above.x())) {
				above = l;
			}
		}
		return above;
	}

	/**
	 * No other label stands to the right of this one on its lines: a row label, not one of the column
	 * headers of a header row (Table 4's 结果维持 above its row of numbers).
	 */
	private static boolean aloneOnItsLines(Label label, List<Label> labels) {
		Set<Integer> own = new HashSet<>();
		label.pieces.forEach(p -> own.add(p.line));
		for (Label other : labels) {
			if (other != label && other.x() > label.x() && !isVertical(other)
					&& other.pieces.stream().anyMatch(p -> own.contains(p.line))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isVertical(Label label) {
		return label.pieces.size() > 2 && label.pieces.stream().allMatch(ColumnText::isOneCharacter);
	}

	/** A character of a group label down the side: never the label of the row beside it. */
	private static boolean isVerticalPiece(Piece p) {
		return isVertical(p.label);
	}

	/**
	 * A text between the numbered rows of a group ({@code （三）不予公开} centred beside row 4) is read before
	 * the group's row 1, so that every row of the group is read under its caption.
	 */
	private static List<Item> captionsFirst(List<Item> items) {
		List<Item> out = new ArrayList<>(items);
		Set<Item> moved = new HashSet<>();
		for (int i = 0; i < out.size(); i++) {
			Item item = out.get(i);
			if (item.label() == null || item.label().isRow() || moved.contains(item)) {
				continue;
			}
			int next = nextRow(out, i);
			int previous = previousRow(out, i);
			if (next < 0 || previous < 0) {
				continue;
			}
			int n = out.get(next).label().number();
			if (n < 2 || out.get(previous).label().number() != n - 1) {
				continue;
			}
			int first = previous;
			int expected = n - 1;
			while (expected > 1) {
				int before = previousRow(out, first);
				if (before < 0 || out.get(before).label().number() != expected - 1) {
					break;
				}
				first = before;
				expected--;
			}
			if (expected != 1) {
				continue;
			}
			int at = first;
			while (at < i && moved.contains(out.get(at))) {
				at++; // after the texts moved here before it: a group label before its captions
			}
			out.remove(i);
			out.add(at, item);
			moved.add(item);
		}
		return out;
	}

	private static int nextRow(List<Item> items, int from) {
		for (int j = from + 1; j < items.size(); j++) {
			if (items.get(j).label() != null && items.get(j).label().isRow()) {
				return j;
			}
		}
		return -1;
	}

	private static int previousRow(List<Item> items, int from) {
		for (int j = from - 1; j >= 0; j--) {
			if (items.get(j).label() != null && items.get(j).label().isRow()) {
				return j;
			}
		}
		return -1;
	}

	private static List<SourceLine> lines(List<Item> items) {
		List<SourceLine> out = new ArrayList<>();
		for (Item item : items) {
			if (item.label() == null) {
				List<Field> fields = item.orphanValues().stream().map(p -> new Field(p.word.text(), p.line)).toList();
				out.add(new SourceLine(item.line(), Layout.ROW, fields, text(fields)));
				continue;
			}
			Label label = item.label();
			Field head = new Field(label.text(), label.first());
			if (!label.isRow()) {
				out.add(new SourceLine(label.first(), Layout.CELL, List.of(head), head.text()));
				continue;
			}
			List<Field> fields = new ArrayList<>();
			fields.add(head);
			label.values.forEach(p -> fields.add(new Field(p.word.text(), p.line)));
			out.add(new SourceLine(label.first(), Layout.ROW, fields, text(fields)));
		}
		return out;
	}

	private static String text(List<Field> fields) {
		return String.join("\t", fields.stream().map(Field::text).toList());
	}

	// pdftotext -layout text

	private static final Pattern GAP = Pattern.compile("[ \\u3000\\u00A0]{2,}|\\t");

	private static final Pattern COLUMNS = Pattern.compile("\\S.*?(?:[ \\u3000\\u00A0]{2,}|\\t)\\S.*");

	/** Lines of a label followed by two or more values, columns apart: that many make a text column text. */
	private static final int MIN_ROWS = 3;

	/**
	 * Whether the text is laid out in columns kept apart by runs of spaces ({@code pdftotext -layout}, text
	 * copied from a PDF viewer): at least three lines of a label and two or more values so set, and no tab
	 * (a text with tabs is read as tab-separated, as ever).
	 */
	static boolean isColumnText(String text) {
		if (text.indexOf('\t') >= 0) {
			return false;
		}
		int rows = 0;
		for (String raw : text.split("\r\n|\r|\n")) {
			String line = raw.replace("\f", "");
			if (!COLUMNS.matcher(line.strip()).matches()) {
				continue;
			}
			List<Word> words = words(line);
			long values = words.stream().filter(w -> ValueText.isValueLike(w.text())).count();
			if (values >= 2 && !ValueText.isValueLike(words.get(0).text())) {
				rows++;
				if (rows >= MIN_ROWS) {
					return true;
				}
			}
		}
		return false;
	}

	/** The text's lines as positioned words, a character's position its column in the line. */
	static List<Line> read(String text) {
		List<Line> lines = new ArrayList<>();
		String[] raw = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < raw.length; i++) {
			lines.add(new Line(i + 1, words(raw[i].replace("\f", ""))));
		}
		return lines;
	}

	/**
	 * The words of a line: parts apart by two or more spaces or a tab; on a line with values, also by one
	 * space, which in such a line stands between two cells ({@code （三）不予公 4.保护第三方合法权益}).
	 */
	static List<Word> words(String line) {
		List<Word> words = new ArrayList<>();
		int[] cps = line.codePoints().toArray();
		String norm = new String(cps, 0, cps.length);
		Matcher gap = GAP.matcher(norm);
		int from = 0;
		List<int[]> spans = new ArrayList<>();
		while (gap.find()) {
			spans.add(new int[] { from, gap.start() });
			from = gap.end();
		}
		spans.add(new int[] { from, norm.length() });
		List<int[]> parts = new ArrayList<>();
		for (int[] span : spans) {
			String part = norm.substring(span[0], span[1]);
			int lead = part.length() - part.stripLeading().length();
			String stripped = part.strip();
			if (!stripped.isEmpty()) {
				parts.add(new int[] { span[0] + lead, span[0] + lead + stripped.length() });
			}
		}
		boolean hasValues = parts.stream().anyMatch(p -> ValueText.isValueLike(norm.substring(p[0], p[1])));
		for (int[] p : parts) {
			String part = norm.substring(p[0], p[1]);
			if (hasValues && !ValueText.isValueLike(part) && part.indexOf(' ') > 0) {
				int at = p[0];
				for (String piece : part.split(" ")) {
					if (!piece.isEmpty()) {
						words.add(new Word(column(norm, at), column(norm, at + piece.length()), piece));
					}
					at += piece.length() + 1;
				}
			}
			else {
				words.add(new Word(column(norm, p[0]), column(norm, p[1]), part));
			}
		}
		return words;
	}

	/** The column of a char index: one per code point, as pdftotext lays out a line. */
	private static double column(String s, int index) {
		return s.codePointCount(0, index);
	}

}

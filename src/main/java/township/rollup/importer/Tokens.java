package township.rollup.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import township.rollup.importer.SourceLine.Field;
import township.rollup.importer.SourceLine.Layout;
import township.rollup.importer.Token.Kind;

/**
 * The source as a sequence of labels, values, empty cells and row ends. A page copied cell by cell
 * breaks labels over lines ({@code 本年新} / {@code 制作数量}, {@code 商业} / blank line / {@code 企业}), so
 * consecutive one-cell labels are joined when, and only when, the joined text is a label the formats
 * know; a piece that joins with nothing stays as it is ({@code 本年增/}).
 */
final class Tokens {

	/** Labels seen broken over more lines than this are not joined. */
	private static final int MAX_PIECES = 4;

	private Tokens() {
	}

	static List<Token> of(List<SourceLine> lines, Predicate<String> knownLabel) {
		List<Token> raw = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			SourceLine line = lines.get(i);
			if (line.layout() == Layout.CELL) {
				for (Field field : line.fields()) {
					raw.add(new Token(kind(field.text()), field.text(), field.line(), -1, false, false));
				}
				continue;
			}
			boolean exact = line.layout() == Layout.GRID && line.fields()
				.stream()
				.noneMatch(f -> f.carried() && kind(f.text()) != Kind.TEXT);
			for (Field field : line.fields()) {
				Kind kind = kind(field.text());
				if (field.carried()) {
					if (kind == Kind.TEXT) {
						raw.add(new Token(Kind.TEXT, field.text(), field.line(), i, exact, true));
					}
					continue; // a value spread down from above is not this row's
				}
				raw.add(new Token(kind, field.text(), field.line(), i, exact, false));
			}
			raw.add(new Token(Kind.ROW_END, "", line.number(), i, exact, false));
		}
		return join(raw, knownLabel);
	}

	static Kind kind(String text) {
		if (ValueText.isBlank(text)) {
			return Kind.EMPTY;
		}
		return ValueText.isValueLike(text) ? Kind.VALUE : Kind.TEXT;
	}

	private static List<Token> join(List<Token> raw, Predicate<String> knownLabel) {
		List<Token> out = new ArrayList<>(raw.size());
		int i = 0;
		while (i < raw.size()) {
			Token token = raw.get(i);
			if (!joinable(token)) {
				out.add(token);
				i++;
				continue;
			}
			int best = i;
			StringBuilder joined = new StringBuilder(token.text().strip());
			String bestText = joined.toString();
			for (int j = i + 1; j < raw.size() && j < i + MAX_PIECES && joinable(raw.get(j)); j++) {
				joined.append(raw.get(j).text().strip());
				if (knownLabel.test(joined.toString())) {
					best = j;
					bestText = joined.toString();
				}
			}
			if (best == i) {
				out.add(token);
			}
			else {
				out.add(new Token(Kind.TEXT, bestText, token.line(), -1, false, false));
			}
			i = best + 1;
		}
		return out;
	}

	private static boolean joinable(Token token) {
		return token.kind() == Kind.TEXT && token.row() < 0 && !token.carried();
	}

}

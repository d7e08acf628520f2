package township.rollup.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import township.rollup.submission.Fields;

/** A list of findings as one stored text and back, in order. */
public final class FindingCodec {

	private FindingCodec() {
	}

	public static String encode(List<Finding> findings) {
		StringBuilder out = new StringBuilder(findings.size() * 256);
		for (Finding f : findings) {
			Where w = f.where();
			Fields.append(out, f.ruleId(), f.severity().name(), w.fileName(), w.line(), w.tableCode(), w.tableName(),
					w.rowCode(), w.rowLabel(), w.columnCode(), w.columnLabel(), w.address(), plain(f.expected()),
					plain(f.actual()), plain(f.delta()), f.messageZh(), f.messageEn(), f.explanation());
		}
		return out.toString();
	}

	public static List<Finding> decode(String encoded) {
		List<Finding> findings = new ArrayList<>();
		for (String[] f : Fields.lines(encoded)) {
			Where where = new Where(f[2], f[3] == null ? null : Integer.valueOf(f[3]), f[4], f[5], f[6], f[7], f[8], f[9],
					f[10]);
			findings.add(new Finding(f[0], Severity.valueOf(f[1]), where, number(f[11]), number(f[12]), number(f[13]),
					f[14], f[15], f[16]));
		}
		return findings;
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

	/** As numbers are shown: 40.0000 is 40, never 4E+1. */
	private static BigDecimal number(String text) {
		if (text == null) {
			return null;
		}
		BigDecimal stripped = new BigDecimal(text).stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}

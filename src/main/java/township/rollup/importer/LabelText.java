package township.rollup.importer;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import township.rollup.reportformat.Labels;

/**
 * How a label of a published page is compared with an official one: Traditional characters folded to
 * Simplified, then {@link Labels#normalize} (width, punctuation, whitespace). Mirror copies of reports
 * are in Traditional characters ({@code 規章}, {@code 本年製發件數}); the mapping covers only the
 * characters that occur in the official labels and headings and in the words of the 总体情况 numbers,
 * which is all a comparison with them needs, so no conversion library is pulled in for it.
 */
final class LabelText {

	/** Pairs of Traditional and Simplified characters, for every character of the fixed texts that has one. */
	private static final String PAIRS = "萬万業业為为爲为舉举於于會会體体關关內内決决況况減减製制辦办務务動动區区華华單单"
			+ "發发後后國国處处復复複复審审對对屬属廢废開开強强當当總总執执護护報报據据數数無无機机權权條条構构"
			+ "現现確确穩稳類类係系繫系糾纠納纳組组織织經经結结繼继續续維维繳缴罰罚範范獲获補补規规計计認认議议"
			+ "許许訟讼訪访訴诉試试詢询請请購购費费轉转過过這这進进採采鉤钩問问項项題题額额沒没覆复"
			// and of the words of the 总体情况 numbers (NarrativeReader)
			+ "讀读應应網网絡络輿舆諮咨佈布訓训場场";

	private static final Map<Integer, Integer> SIMPLIFIED = simplified();

	/** A trailing note in brackets: {@code 采购总金额(单位:万元,保留4位小数)}, {@code （区分处理的…）}. */
	private static final Pattern TRAILING_NOTE = Pattern.compile("^(.*[^\\s(（])\\s*[(（][^()（）]*[)）]\\s*$");

	private LabelText() {
	}

	private static Map<Integer, Integer> simplified() {
		Map<Integer, Integer> map = new HashMap<>();
		int[] cps = PAIRS.codePoints().toArray();
		if (cps.length % 2 != 0) {
			throw new IllegalStateException("Traditional/Simplified pairs are not pairs");
		}
		for (int i = 0; i < cps.length; i += 2) {
			map.put(cps[i], cps[i + 1]);
		}
		return map;
	}

	/** Traditional characters of the official labels replaced by their Simplified forms; nothing else. */
	static String toSimplified(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> out.appendCodePoint(SIMPLIFIED.getOrDefault(cp, cp)));
		return out.toString();
	}

	/** The comparison key of a label. */
	static String key(String text) {
		return text == null ? "" : Labels.normalize(toSimplified(text));
	}

	/**
	 * The key of the label without a trailing bracketed note, or the empty string when there is none:
	 * real headers add notes to official labels ({@code 采购总金额(单位:万元,保留4位小数)}), and the
	 * official 2021 label {@code 本年收费金额（单位：万元）} is often printed without its own.
	 */
	static String coreKey(String text) {
		if (text == null) {
			return "";
		}
		Matcher m = TRAILING_NOTE.matcher(text.strip());
		return m.matches() ? key(m.group(1)) : "";
	}

}

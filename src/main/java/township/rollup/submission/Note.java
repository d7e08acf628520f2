package township.rollup.submission;

import java.util.List;
import java.util.Map;

/** A township's explanation (审核说明) of a warning: {@code NOTE, <rule id>, <text>}. */
public record Note(int line, String ruleId, String text) {

	public Note {
		ruleId = TextLimits.cut(ruleId, TextLimits.CODE);
		text = TextLimits.cut(text, TextLimits.NOTE);
	}

	/** The notes as {@code (rule id, text)} pairs, in file order. */
	public static List<Map.Entry<String, String>> pairs(List<Note> notes) {
		return notes.stream().map(n -> Map.entry(n.ruleId(), n.text())).toList();
	}

}

package township.rollup.submission;

/** A township's explanation (审核说明) of a warning: {@code NOTE, <rule id>, <text>}. */
public record Note(int line, String ruleId, String text) {
}

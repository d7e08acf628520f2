package township.rollup.submission;

/** The {@code META.*} lines of a submission as written, each null when absent. */
public record Meta(String unitName, String unitCode, String year, String format) {
}

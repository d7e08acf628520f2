package township.rollup.submission;

/** The {@code META.*} lines of a submission as written, each null when absent. */
public record Meta(String unitName, String unitCode, String year, String format) {

	public Meta {
		unitName = TextLimits.cut(unitName, TextLimits.WRITTEN_LABEL);
		unitCode = TextLimits.cut(unitCode, TextLimits.WRITTEN_LABEL);
		year = TextLimits.cut(year, TextLimits.WRITTEN_LABEL);
		format = TextLimits.cut(format, TextLimits.WRITTEN_LABEL);
	}

}

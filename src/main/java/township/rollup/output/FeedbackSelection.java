package township.rollup.output;

/** Which feedback pages to write ({@code rollup.feedback-pages}): every unit that sent a file, only those that need action, or none. */
enum FeedbackSelection {

	ALL, ACTION, NONE;

	static FeedbackSelection of(String value) {
		return value == null || value.isBlank() ? ALL : valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
	}

}

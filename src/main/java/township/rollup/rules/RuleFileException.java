package township.rollup.rules;

/**
 * A rule file the catalogue cannot use: an unknown kind, a term naming no cell of the format, a misspelt
 * key… Raised when the catalogue loads, before any job starts; a configuration error (exit 2) whose
 * message names the file, the line where known, and the rule.
 */
public class RuleFileException extends IllegalArgumentException {

	RuleFileException(String resource, int line, String ruleId, String problem) {
		super(resource + (line > 0 ? " line " + line : "") + (ruleId == null ? "" : ": rule " + ruleId) + ": "
				+ problem);
	}

}

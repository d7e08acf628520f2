package township.rollup.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import township.rollup.submission.TextLimits;
import township.rollup.submission.TextLimits.Marker;

/**
 * Turns a rule id, an address and values into a {@link Finding} with its Chinese and English messages.
 * Templates use Mustache placeholders such as {@code {{row}}} and {@code {{expected}}}; a placeholder
 * that is not supplied is a bug in the catalogue and fails loudly, a supplied null renders empty.
 */
public final class FindingFactory {

	private static final Mustache.Compiler COMPILER = Mustache.compiler()
		.escapeHTML(false)
		.nullValue("")
		.emptyStringIsFalse(true);

	private final RuleCatalogue catalogue;

	private final RuleOverrides overrides;

	private final Map<String, Template> templates = new ConcurrentHashMap<>();

	public FindingFactory(RuleCatalogue catalogue, RuleOverrides overrides) {
		this.catalogue = catalogue;
		this.overrides = overrides;
	}

	public RuleCatalogue catalogue() {
		return catalogue;
	}

	public RuleOverrides overrides() {
		return overrides;
	}

	/** A finding of the rule, or empty when the year's overrides switched the rule off. */
	public Optional<Finding> create(RuleDef rule, Where where, BigDecimal expected, BigDecimal actual,
			Map<String, ?> extra) {
		if (!overrides.isEnabled(rule.id())) {
			return Optional.empty();
		}
		BigDecimal delta = (expected != null && actual != null) ? actual.subtract(expected) : null;
		Map<String, Object> args = new HashMap<>();
		args.put("file", where.fileName());
		args.put("line", where.line());
		args.put("table", where.tableName());
		args.put("tableEn", tableEn(where.tableCode()));
		args.put("row", where.rowLabel());
		args.put("rowCode", where.rowCode());
		args.put("column", where.columnLabel());
		args.put("columnCode", where.columnCode());
		args.put("cell", where.cellCode());
		args.put("address", where.address());
		args.put("expected", plain(expected));
		args.put("actual", plain(actual));
		args.put("delta", plain(delta));
		args.put("absDelta", delta == null ? null : plain(delta.abs()));
		if (extra != null) {
			extra.forEach((k, v) -> args.put(k, v instanceof BigDecimal d ? plain(d) : v));
		}
		String zh = render(rule, "zh", rule.messageZh(), bounded(args, Marker.ZH));
		String en = render(rule, "en", rule.messageEn(), bounded(args, Marker.EN));
		return Optional.of(new Finding(rule.id(), overrides.severityOf(rule), where, expected, actual, delta, zh, en));
	}

	/**
	 * A cross-year rule that could not be assessed because the unit has no accepted report for the
	 * previous year: INFO, never a pass and never an error. Its messages are the rule's
	 * {@code notAssessable} templates.
	 */
	public Optional<Finding> notAssessable(RuleDef rule, Where where, int previousYear) {
		return notAssessable(rule, where, Map.of("previousYear", previousYear));
	}

	/**
	 * A rule that could not be assessed, with the arguments its {@code notAssessable} templates name (a
	 * consolidation's narrative rule: how many of the reports summed stated the figure). INFO.
	 */
	public Optional<Finding> notAssessable(RuleDef rule, Where where, Map<String, ?> extra) {
		if (!overrides.isEnabled(rule.id())) {
			return Optional.empty();
		}
		Map<String, Object> texts = rule.mapParam("notAssessable");
		if (texts.get("zh") == null || texts.get("en") == null) {
			throw new IllegalStateException("rule " + rule.id() + " has no notAssessable messages");
		}
		Map<String, Object> args = new HashMap<>();
		args.put("file", where.fileName());
		args.put("table", where.tableName());
		args.put("tableEn", tableEn(where.tableCode()));
		args.put("row", where.rowLabel());
		args.put("column", where.columnLabel());
		extra.forEach((k, v) -> args.put(k, v instanceof BigDecimal d ? plain(d) : v));
		String zh = templates.computeIfAbsent(rule.id() + "/" + rule.formats() + "/na/zh",
				k -> COMPILER.compile(texts.get("zh").toString())).execute(args);
		String en = templates.computeIfAbsent(rule.id() + "/" + rule.formats() + "/na/en",
				k -> COMPILER.compile(texts.get("en").toString())).execute(args);
		return Optional.of(new Finding(rule.id(), Severity.INFO, where, null, null, null, zh, en));
	}

	public Optional<Finding> create(String ruleId, Where where, Map<String, ?> extra) {
		return create(catalogue.rule(ruleId), where, null, null, extra);
	}

	/**
	 * The arguments as a message shows them: text that came from a file is cut to its limit with the
	 * marker of the message's language, so a 5,000-character cell reads as its start and its length.
	 */
	static Map<String, Object> bounded(Map<String, Object> args, Marker marker) {
		Map<String, Object> out = new HashMap<>(args.size() * 2);
		args.forEach((k, v) -> out.put(k, !(v instanceof String text) ? v
				: NAMES.contains(k) ? TextLimits.name(text, limitOf(k), marker) : TextLimits.cut(text, limitOf(k), marker)));
		return out;
	}

	/** The arguments that are file names, or made of them: shown as every output shows a name. */
	private static final java.util.Set<String> NAMES = java.util.Set.of("file", "files");

	private static int limitOf(String argument) {
		return switch (argument) {
			case "file" -> TextLimits.FILE_NAME;
			case "raw" -> TextLimits.RAW_CELL;
			case "written" -> TextLimits.WRITTEN_LABEL;
			// lists: the files of a conflict, the evidence of a format, the formula cells of a workbook
			case "files", "evidence", "reason", "cells", "cellsEn" -> 4 * TextLimits.ARGUMENT;
			default -> TextLimits.ARGUMENT;
		};
	}

	private String render(RuleDef rule, String lang, String text, Map<String, Object> args) {
		Template template = templates.computeIfAbsent(rule.id() + "/" + rule.formats() + "/" + lang,
				k -> COMPILER.compile(text));
		return template.execute(args);
	}

	/** How numbers appear in messages and outputs: no exponent, no trailing zeros. */
	public static String plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
	}

	static String tableEn(String tableCode) {
		if (tableCode == null) {
			return null;
		}
		return switch (tableCode) {
			case "T2" -> "Table 2";
			case "T3" -> "Table 3";
			case "T4" -> "Table 4";
			default -> tableCode;
		};
	}

}

package township.rollup.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import township.rollup.bytes.Sha256;
import township.rollup.bytes.TextDecoder;
import township.rollup.i18n.Text;
import township.rollup.reportformat.ReportFormats;

/**
 * A report year's settings, from the optional file {@code <settings-dir>/<year>.csv} with the header
 * {@code key,value,reason}:
 *
 * <ul>
 * <li>{@code format}: the report format the year is consolidated in. Without it, 2019 (the trial
 * format) up to 2020 and 2021 after; real 2021–2023 reports still use the 2019 tables, so a city may
 * set it.</li>
 * <li>{@code rule.<ID>.enabled}: {@code true} or {@code false}.</li>
 * <li>{@code rule.<ID>.severity}: {@code ERROR}, {@code WARNING} or {@code INFO}.</li>
 * <li>{@code rule.<ID>.<parameter>}: a parameter the rule declares, such as {@code ratio}.</li>
 * <li>{@code deadline}: when the units' files are due, a date and time of day in the office's time zone
 * ({@code rollup.time-zone}), written {@code 2021-01-31 18:00}; none by default. After it, a unit without an
 * accepted file is late.</li>
 * </ul>
 *
 * Rules the product raises itself while reading and identifying a file (kind {@code BUILTIN}) cannot be overridden. A file that names an
 * unknown key, rule or parameter is a configuration error, so a typo never silently changes nothing.
 */
public record YearSettings(int year, String formatId, String formatReason, RuleOverrides overrides,
		String fingerprint, java.time.LocalDateTime deadline) {

	/** How a deadline is written: a date and a time of day, to the minute. */
	static final java.time.format.DateTimeFormatter DEADLINE = java.time.format.DateTimeFormatter
		.ofPattern("uuuu-MM-dd HH:mm")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	/** The deadline as written in the settings file, or {@code null} when none is set. */
	public String deadlineText() {
		return deadline == null ? null : DEADLINE.format(deadline);
	}

	public static String defaultFormat(int year) {
		return year <= 2020 ? "2019" : "2021";
	}

	public static YearSettings defaults(int year) {
		return new YearSettings(year, defaultFormat(year), null, RuleOverrides.none(),
				fingerprintOf(year, defaultFormat(year), RuleOverrides.none()),
				null);
	}

	/** The settings file of a year; absent means the defaults. */
	public static Path file(Path settingsDir, int year) {
		return settingsDir.resolve(year + ".csv");
	}

	public static YearSettings load(Path settingsDir, int year, RuleCatalogue catalogue, ReportFormats formats) {
		Path file = file(settingsDir, year);
		if (!Files.isRegularFile(file)) {
			return defaults(year);
		}
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// decoded like a submission: Excel saves the settings as GBK unless asked for "CSV UTF-8"
		TextDecoder.Result decoded = TextDecoder.decode(bytes);
		if (!(decoded instanceof TextDecoder.Text decodedText)) {
			TextDecoder.Undecodable bad = (TextDecoder.Undecodable) decoded;
			throw error(file, bad.line(), "config.settings.not-text", bad.offset());
		}
		String text = decodedText.text();
		String formatId = defaultFormat(year);
		String formatReason = null;
		java.time.LocalDateTime deadline = null;
		Map<String, Boolean> enabled = new LinkedHashMap<>();
		Map<String, Severity> severities = new LinkedHashMap<>();
		Map<String, Map<String, String>> params = new LinkedHashMap<>();
		Map<String, String> reasons = new LinkedHashMap<>();
		CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build();
		try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(text)) {
			// the parser stands on the line after a row once it has read it: track where each row starts
			int nextStart = 2;
			while (rows.hasNextValue()) {
				Map<String, String> row = rows.nextValue();
				int line = nextStart;
				nextStart = Math.max(nextStart + 1, rows.currentLocation().getLineNr());
				String key = row.getOrDefault("key", "").strip();
				if (key.isEmpty() || key.startsWith("#")) {
					continue; // blank lines and comments
				}
				key = value(row, "key", file, line);
				String val = value(row, "value", file, line);
				String reason = row.getOrDefault("reason", "");
				if (key.equals("format")) {
					if (formats.find(val).isEmpty()) {
						throw error(file, line, "config.settings.format", val, formats.ids());
					}
					formatId = val;
					formatReason = reason;
					continue;
				}
				if (key.equals("deadline")) {
					try {
						deadline = java.time.LocalDateTime.parse(val, DEADLINE);
					}
					catch (java.time.format.DateTimeParseException ex) {
						throw error(file, line, "config.settings.deadline", val);
					}
					continue;
				}
				String[] parts = key.split("\\.", 3);
				if (parts.length != 3 || !parts[0].equals("rule")) {
					throw error(file, line, "config.settings.key", key);
				}
				String ruleId = parts[1];
				RuleDef rule = catalogue.find(ruleId)
					.orElseThrow(() -> error(file, line, "config.settings.no-rule", ruleId));
				if (rule.kind() == RuleKind.BUILTIN) {
					throw error(file, line, "config.settings.builtin", ruleId);
				}
				reasons.merge(ruleId, reason, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "；" + b);
				switch (parts[2]) {
					case "enabled" -> {
						if (!val.equalsIgnoreCase("true") && !val.equalsIgnoreCase("false")) {
							throw error(file, line, "config.settings.enabled", val);
						}
						enabled.put(ruleId, Boolean.parseBoolean(val.toLowerCase(Locale.ROOT)));
					}
					case "severity" -> {
						try {
							severities.put(ruleId, Severity.valueOf(val.toUpperCase(Locale.ROOT)));
						}
						catch (IllegalArgumentException ex) {
							throw error(file, line, "config.settings.severity", val);
						}
					}
					default -> {
						List<String> declared = rule.listParam("parameters");
						if (!declared.contains(parts[2])) {
							throw error(file, line, "config.settings.parameter", ruleId, parts[2], declared);
						}
						// every parameter a rule declares is a number: checked here, not in the middle of a run
						try {
							if (new java.math.BigDecimal(val).signum() <= 0) {
								throw error(file, line, "config.settings.positive", parts[2], val);
							}
						}
						catch (NumberFormatException ex) {
							throw error(file, line, "config.settings.number", parts[2], val);
						}
						params.computeIfAbsent(ruleId, k -> new LinkedHashMap<>()).put(parts[2], val);
					}
				}
			}
		}
		catch (JacksonException ex) {
			throw new SettingsException(
					Text.of("config.in-file", file, Text.of("config.settings.not-csv", ex.getOriginalMessage())), ex);
		}
		Map<String, RuleOverrides.Override> byRule = new LinkedHashMap<>();
		for (String ruleId : reasons.keySet()) {
			byRule.put(ruleId, new RuleOverrides.Override(ruleId, enabled.get(ruleId), severities.get(ruleId),
					params.getOrDefault(ruleId, Map.of()), reasons.get(ruleId)));
		}
		RuleOverrides overrides = new RuleOverrides(byRule);
		return new YearSettings(year, formatId, formatReason, overrides, fingerprintOf(year, formatId, overrides),
				deadline);
	}

	private static String value(Map<String, String> row, String column, Path file, int line) {
		String v = row.get(column);
		if (v == null) {
			throw error(file, line, "config.settings.column", column);
		}
		return v.strip();
	}

	private static SettingsException error(Path file, int line, String key, Object... args) {
		return new SettingsException(Text.of("config.at-line", file, line, Text.of(key, args)), null);
	}

	/**
	 * What a file's assessment depends on in the settings: the year, the format and each rule's override
	 * (enabled, severity, parameters), in a fixed order. Not the deadline, the reasons or the comments: a
	 * deadline added or a reason reworded must not make every file of the year be assessed again (the
	 * deadline counts in the run's own "nothing changed" test instead, as the pages show it).
	 */
	private static String fingerprintOf(int year, String formatId, RuleOverrides overrides) {
		StringBuilder text = new StringBuilder("settings:").append(year).append(":format=").append(formatId);
		new java.util.TreeMap<>(overrides.byRule()).forEach((ruleId, o) -> {
			text.append("\nrule=").append(ruleId).append(";enabled=").append(o.enabled()).append(";severity=")
				.append(o.severity());
			new java.util.TreeMap<>(o.params()).forEach((name, value) -> text.append(';').append(name).append('=')
				.append(value));
		});
		return Sha256.hex(text.toString());
	}

}

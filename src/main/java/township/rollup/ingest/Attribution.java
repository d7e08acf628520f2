package township.rollup.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;
import township.rollup.submission.ParsedSubmission;

/**
 * Which registered unit a file's name speaks for. Names are read for a 12-digit registered code first
 * (the template's file name starts with it), then for a registered unit name; a name that says nothing
 * leaves the content's {@code META.unit_code} to decide. Several files of one unit are one submission
 * when they say the same ({@link #oneSubmission}), a conflict otherwise.
 */
public final class Attribution {

	private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

	private Attribution() {
	}

	public static Optional<Unit> fromFileName(String fileName, Registry registry) {
		Matcher m = CODE.matcher(fileName);
		while (m.find()) {
			Optional<Unit> unit = registry.member(m.group());
			if (unit.isPresent()) {
				return unit;
			}
		}
		return registry.named(fileName);
	}

	/** The unit a file belongs to: its name's unit, else its content's registered code. */
	public static Optional<Unit> of(String fileName, String claimedCode, Registry registry) {
		Optional<Unit> byName = fromFileName(fileName, registry);
		if (byName.isPresent()) {
			return byName;
		}
		return registry.member(claimedCode == null ? null : claimedCode.strip());
	}

	/**
	 * Of several files that speak for one unit, the one that stands for them all when every one was read and
	 * says exactly what the others say ({@link ParsedSubmission#saysTheSameAs}): a unit's CSV report and its
	 * workbook, both sent to the level above, are one submission, not a conflict. The CSV file is kept (the
	 * machine contract), the first by name when there are several; empty when the files differ, and then
	 * they are a conflict.
	 */
	public static Optional<Integer> oneSubmission(List<String> fileNames, List<Optional<ParsedSubmission>> read) {
		if (read.isEmpty() || read.stream().anyMatch(Optional::isEmpty)) {
			return Optional.empty();
		}
		ParsedSubmission first = read.get(0).get();
		if (!read.stream().allMatch(r -> r.get().saysTheSameAs(first))) {
			return Optional.empty();
		}
		int kept = 0;
		for (int i = 1; i < fileNames.size(); i++) {
			if (keptBefore(fileNames.get(i), fileNames.get(kept))) {
				kept = i;
			}
		}
		return Optional.of(kept);
	}

	private static boolean keptBefore(String name, String other) {
		boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
		boolean otherCsv = other.toLowerCase(Locale.ROOT).endsWith(".csv");
		return csv != otherCsv ? csv : name.compareTo(other) < 0;
	}

}

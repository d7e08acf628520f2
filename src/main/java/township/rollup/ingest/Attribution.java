package township.rollup.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

/**
 * Which registered unit a file's name speaks for. Names are read for a 12-digit registered code first
 * (the template's file name starts with it), then for a registered unit name; a name that says nothing
 * leaves the content's {@code META.unit_code} to decide.
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

}

package township.rollup.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;

import township.rollup.registry.Unit;

/**
 * File names of what the product writes, built from the unit's 区划代码 and its name made safe: a name
 * from the registry is never a path. Separators, control characters and the characters Windows forbids
 * become {@code _}, leading and trailing dots and spaces go, and the name is shortened so the whole file
 * name stays well inside the 255 bytes file systems allow. The code alone identifies the unit; the name
 * is for people.
 */
public final class OutputNames {

	/** Bytes of UTF-8 the name part may take: code, year and the longest suffix fit in the rest. */
	static final int NAME_BYTES = 180;

	private OutputNames() {
	}

	/** {@code <code>_<name>_<year>.csv}: the consolidated report, a template, a submission. */
	public static String report(Unit unit, int year) {
		return named(unit, year, ".csv");
	}

	/** {@code <code>_<name>_<year><suffix>}. */
	public static String named(Unit unit, int year, String suffix) {
		String name = safe(unit.name());
		return unit.code() + (name.isEmpty() ? "" : "_" + name) + "_" + year + suffix;
	}

	/** Dots, spaces and underscores at either end, compiled once: a nation's run names 40,000 pages. */
	private static final java.util.regex.Pattern ENDS = java.util.regex.Pattern.compile("^[. _]+|[. _]+$");

	/** A name fit to be part of one file name. */
	public static String safe(String name) {
		if (name == null) {
			return "";
		}
		String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(nfc.length());
		nfc.codePoints().forEach(cp -> {
			boolean bad = cp < 0x20 || cp == 0x7F || "/\\:*?\"<>|".indexOf(cp) >= 0 || Character.isISOControl(cp)
					|| Character.getType(cp) == Character.FORMAT || Character.isWhitespace(cp);
			out.appendCodePoint(bad ? '_' : cp);
		});
		String s = ENDS.matcher(out.toString()).replaceAll("");
		while (s.getBytes(StandardCharsets.UTF_8).length > NAME_BYTES) {
			s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
		}
		return s;
	}

	/** {@code dir/fileName}, refusing anything that would land outside {@code dir}. */
	public static Path within(Path dir, String fileName) {
		Path base = dir.toAbsolutePath().normalize();
		Path target = base.resolve(fileName).normalize();
		if (!base.equals(target.getParent())) {
			throw new IllegalArgumentException("refusing to write " + fileName + " outside " + base);
		}
		return target;
	}

}

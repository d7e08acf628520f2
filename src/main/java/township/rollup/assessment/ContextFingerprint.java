package township.rollup.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

/**
 * What a township's verdict depends on besides its file: the rules in force, the year, and its registry
 * entry. When this changes, an unchanged file is assessed again; when it does not, nothing is redone.
 */
public final class ContextFingerprint {

	private ContextFingerprint() {
	}

	public static String of(String rulesFingerprint, int year, Registry registry, Unit unit) {
		String text = "rules=" + rulesFingerprint + "\nyear=" + year + "\nparent=" + registry.consolidating().code()
				+ "\nunit=" + unit.code() + "\t" + unit.name() + "\t" + unit.kind() + "\n";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

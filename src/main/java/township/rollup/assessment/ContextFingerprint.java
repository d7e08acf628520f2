package township.rollup.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import township.rollup.registry.Registry;
import township.rollup.registry.Unit;

/**
 * What a township's verdict depends on besides its file: the rules and the year's settings in force, the
 * year, its registry entry, and the accepted version of last year that cross-year rules compare with. When this changes, an unchanged file is assessed again; when it does not, nothing is redone.
 */
public final class ContextFingerprint {

	private ContextFingerprint() {
	}

	public static String of(String rulesFingerprint, String settingsFingerprint, int year, Registry registry, Unit unit,
			Long priorVersionId) {
		String text = "rules=" + rulesFingerprint + "\nsettings=" + settingsFingerprint + "\nyear=" + year
				+ "\nparent=" + registry.consolidating().code() + "\nunit=" + unit.code() + "\t" + unit.name() + "\t"
				+ unit.kind() + "\nprior=" + priorVersionId + "\n";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

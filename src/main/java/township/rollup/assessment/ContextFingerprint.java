package township.rollup.assessment;

import township.rollup.bytes.Sha256;
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
		return Sha256.hex(text);
	}

}

package township.rollup.registry;

/**
 * A reporting unit. {@code code} is the 12-digit statistical division code (统计用区划代码);
 * {@code parentCode} is empty for the consolidating unit. {@code codeSource} says where the code comes
 * from, for example {@code sample} for a code that could not be verified.
 */
public record Unit(String code, String name, String kind, String parentCode, String codeSource) {

	public boolean isTownLevel() {
		return kind.endsWith("乡") || kind.endsWith("镇") || kind.endsWith("街道");
	}

}

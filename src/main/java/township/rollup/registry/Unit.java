package township.rollup.registry;

/**
 * A unit of the tree. {@code code} is the 12-digit statistical division code (统计用区划代码);
 * {@code parentCode} is empty for the consolidating unit. {@code kind} is what the unit is (省, 地级市,
 * 县, 乡, 镇, 街道, 部门…); {@code codeSource} says where the code comes from, for example {@code sample}
 * for a code that could not be verified.
 */
public record Unit(String code, String name, String kind, String parentCode, String codeSource) {

	/** The level a kind belongs to, with the words a summary uses for several of them. */
	public enum Category {

		PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, DEPARTMENT, OTHER;

		/** The words for several units of the level, in the message catalogue. */
		public String key() {
			return "category." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public boolean isTownLevel() {
		return kind.endsWith("乡") || kind.endsWith("镇") || kind.endsWith("街道") || kind.endsWith("苏木");
	}

	public Category category() {
		if (isTownLevel()) {
			return Category.TOWNSHIP;
		}
		if (kind.endsWith("部门") || kind.endsWith("局") || kind.endsWith("委") || kind.endsWith("办")) {
			return Category.DEPARTMENT;
		}
		if (kind.equals("省") || kind.equals("自治区") || kind.equals("直辖市")) {
			return Category.PROVINCE;
		}
		if (kind.equals("地级市") || kind.endsWith("州") || kind.equals("盟") || kind.equals("地区")) {
			return Category.PREFECTURE;
		}
		if (kind.endsWith("县") || kind.equals("县级市") || kind.equals("区") || kind.endsWith("旗") || kind.equals("市辖区")) {
			return Category.COUNTY;
		}
		return Category.OTHER;
	}

}

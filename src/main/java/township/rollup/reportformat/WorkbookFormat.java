package township.rollup.reportformat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sheet format of a submission workbook, written by the one workbook writer (the template a clerk
 * fills and the report a run publishes) and read by the workbook reader: where the row code, the label
 * and the values stand, the metadata sheet and its lines, the sheets that are there to be read by people
 * only, and how large a sheet may be. The tables themselves are drawn by {@link OfficialLayout}.
 */
public final class WorkbookFormat {

	/** Column A: row codes (hidden). Column B: labels. Values from column C, in the official order. */
	public static final int CODE_COLUMN = 0;

	public static final int LABEL_COLUMN = 1;

	public static final int FIRST_VALUE_COLUMN = 2;

	/**
	 * The very hidden sheet: the {@code META.*} lines and the layout version, kept when a clerk's copy of
	 * the visible cells would lose them; and the names of the read-only sheets.
	 */
	public static final String METADATA_SHEET = "_meta";

	/** The metadata sheet's line that says which layout made the workbook. */
	public static final String VERSION_CODE = "TEMPLATE.version";

	/** Version 2: read-only sheets are named in the metadata sheet; Table 3's and 4's headers as the page draws them. */
	public static final int VERSION = 2;

	/**
	 * A metadata line naming a sheet that is not part of the submission (the published report's 总体情况
	 * with its counts, 报送情况, 审核结果): the reader skips it, so the report stays a valid submission.
	 */
	public static final String READ_ONLY_CODE = "TEMPLATE.readonly";

	/** Rows with content a sheet may have: more is not a report (the reader refuses it, the writer stops short of it). */
	public static final int MAX_ROWS = 2000;

	/** The metadata lines of every submission, CSV or workbook, with their labels. */
	public static final Map<String, String> META_LABELS = metaLabels();

	private WorkbookFormat() {
	}

	private static Map<String, String> metaLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("META.unit_name", "单位名称");
		labels.put("META.unit_code", "区划代码");
		labels.put("META.year", "报告年度");
		labels.put("META.format", "报表格式");
		return java.util.Collections.unmodifiableMap(labels);
	}

}

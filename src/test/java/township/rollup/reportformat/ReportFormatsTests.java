package township.rollup.reportformat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two national formats as report-format.md §3–§5 and §9 describe them: row and cell codes, sizes,
 * types and the exact official labels. Every expected code and label is written out here by hand.
 */
class ReportFormatsTests {

	private static final List<String> T3_COLUMNS = List.of("np", "com", "sci", "npo", "law", "oth", "tot");

	private static final List<String> T3_ROWS_2019 = List.of("T3.r1", "T3.r2", "T3.r3_1", "T3.r3_2", "T3.r3_3_1",
			"T3.r3_3_2", "T3.r3_3_3", "T3.r3_3_4", "T3.r3_3_5", "T3.r3_3_6", "T3.r3_3_7", "T3.r3_3_8", "T3.r3_4_1",
			"T3.r3_4_2", "T3.r3_4_3", "T3.r3_5_1", "T3.r3_5_2", "T3.r3_5_3", "T3.r3_5_4", "T3.r3_5_5", "T3.r3_6",
			"T3.r3_7", "T3.r4");

	private static final List<String> T3_ROWS_2021 = List.of("T3.r1", "T3.r2", "T3.r3_1", "T3.r3_2", "T3.r3_3_1",
			"T3.r3_3_2", "T3.r3_3_3", "T3.r3_3_4", "T3.r3_3_5", "T3.r3_3_6", "T3.r3_3_7", "T3.r3_3_8", "T3.r3_4_1",
			"T3.r3_4_2", "T3.r3_4_3", "T3.r3_5_1", "T3.r3_5_2", "T3.r3_5_3", "T3.r3_5_4", "T3.r3_5_5", "T3.r3_6_1",
			"T3.r3_6_2", "T3.r3_6_3", "T3.r3_7", "T3.r4");

	private static final List<String> T4_CELLS = List.of("T4.rev.kept", "T4.rev.corr", "T4.rev.other",
			"T4.rev.pending", "T4.rev.tot", "T4.lit_direct.kept", "T4.lit_direct.corr", "T4.lit_direct.other",
			"T4.lit_direct.pending", "T4.lit_direct.tot", "T4.lit_after.kept", "T4.lit_after.corr",
			"T4.lit_after.other", "T4.lit_after.pending", "T4.lit_after.tot");

	private static final List<String> T2_CELLS_2019 = List.of("T2.i1.reg.new_made", "T2.i1.reg.new_pub",
			"T2.i1.reg.total_pub", "T2.i1.norm.new_made", "T2.i1.norm.new_pub", "T2.i1.norm.total_pub",
			"T2.i5.lic.prev_items", "T2.i5.lic.delta", "T2.i5.lic.decisions", "T2.i5.other.prev_items",
			"T2.i5.other.delta", "T2.i5.other.decisions", "T2.i6.pun.prev_items", "T2.i6.pun.delta",
			"T2.i6.pun.decisions", "T2.i6.coe.prev_items", "T2.i6.coe.delta", "T2.i6.coe.decisions",
			"T2.i8.fee.prev_items", "T2.i8.fee.delta", "T2.i9.proc.count", "T2.i9.proc.amount");

	private static final List<String> T2_CELLS_2021 = List.of("T2.i1.reg.issued", "T2.i1.reg.repealed",
			"T2.i1.reg.in_force", "T2.i1.norm.issued", "T2.i1.norm.repealed", "T2.i1.norm.in_force",
			"T2.i5.lic.decisions", "T2.i6.pun.decisions", "T2.i6.coe.decisions", "T2.i8.fee.amount");

	private final ReportFormats formats = ReportFormats.standard();

	@Test
	void theReleaseKnowsExactlyTheTwoNationalFormats() {
		// when
		List<String> ids = formats.ids();

		// then
		assertThat(ids).containsExactly("2019", "2021");
		assertThat(formats.get("2019").basis()).isEqualTo("国办公开办函〔2019〕60号");
		assertThat(formats.get("2021").basis()).isEqualTo("国办公开办函〔2021〕30号");
		assertThat(formats.find("2020")).isEmpty();
	}

	@Test
	void the2019FormatHas23Table3RowsOf7ColumnsAnd161Table3Cells() {
		// given
		ReportFormat format = formats.get("2019");

		// when
		List<RowDef> rows = format.rowsOf("T3");

		// then
		assertThat(rows).extracting(RowDef::code).containsExactlyElementsOf(T3_ROWS_2019);
		assertThat(rows).allSatisfy(row -> assertThat(row.columns()).extracting(ColumnDef::code)
			.containsExactlyElementsOf(T3_COLUMNS));
		assertThat(cellsOf(format, "T3")).hasSize(161).containsExactlyElementsOf(t3Cells(T3_ROWS_2019));
	}

	@Test
	void the2019FormatHas22Table2CellsAnd15Table4CellsSo198InAll() {
		// given
		ReportFormat format = formats.get("2019");

		// when
		List<String> all = format.cells().stream().map(CellDef::code).toList();

		// then
		assertThat(cellsOf(format, "T2")).hasSize(22).containsExactlyElementsOf(T2_CELLS_2019);
		assertThat(cellsOf(format, "T4")).hasSize(15).containsExactlyElementsOf(T4_CELLS);
		List<String> expected = new ArrayList<>(T2_CELLS_2019);
		expected.addAll(t3Cells(T3_ROWS_2019));
		expected.addAll(T4_CELLS);
		assertThat(all).hasSize(198).containsExactlyElementsOf(expected);
	}

	@Test
	void the2021FormatSplitsRowSixIntoThreeAndHas25Table3Rows() {
		// given
		ReportFormat format = formats.get("2021");

		// when
		List<RowDef> rows = format.rowsOf("T3");

		// then
		assertThat(rows).extracting(RowDef::code).containsExactlyElementsOf(T3_ROWS_2021);
		assertThat(cellsOf(format, "T3")).hasSize(175);
		assertThat(format.row("T3.r3_6")).isEmpty();
		assertThat(formats.get("2019").row("T3.r3_6_1")).isEmpty();
	}

	@Test
	void the2021FormatHasTheTable2CellsOfSection3Point2() {
		// given
		ReportFormat format = formats.get("2021");

		// when
		List<String> all = format.cells().stream().map(CellDef::code).toList();

		// then
		assertThat(cellsOf(format, "T2")).containsExactlyElementsOf(T2_CELLS_2021);
		assertThat(cellsOf(format, "T4")).containsExactlyElementsOf(T4_CELLS);
		assertThat(all).hasSize(10 + 175 + 15);
		assertThat(format.row("T2.i5.other")).isEmpty();
		assertThat(format.row("T2.i9.proc")).isEmpty();
	}

	@Test
	void cellTypesFollowTheTemplate() {
		// given
		ReportFormat f2019 = formats.get("2019");
		ReportFormat f2021 = formats.get("2021");

		// when
		CellDef delta = f2019.cell("T2.i5.lic.delta").orElseThrow();
		CellDef procurement = f2019.cell("T2.i9.proc.amount").orElseThrow();
		CellDef fee = f2021.cell("T2.i8.fee.amount").orElseThrow();

		// then
		assertThat(delta.type()).isEqualTo(CellType.SIGNED_COUNT);
		assertThat(f2019.cell("T2.i8.fee.delta").orElseThrow().type()).isEqualTo(CellType.SIGNED_COUNT);
		assertThat(f2019.cell("T2.i5.lic.decisions").orElseThrow().type()).isEqualTo(CellType.COUNT);
		assertThat(procurement.type()).isEqualTo(CellType.AMOUNT);
		assertThat(procurement.column().unit()).isEqualTo("万元");
		assertThat(procurement.column().scale()).isEqualTo(4);
		assertThat(fee.type()).isEqualTo(CellType.AMOUNT);
		assertThat(fee.column().unit()).isEqualTo("万元");
		assertThat(f2021.cell("T3.r3_6_2.tot").orElseThrow().type()).isEqualTo(CellType.COUNT);
		assertThat(f2021.cells()).filteredOn(c -> c.type() == CellType.SIGNED_COUNT).isEmpty();
	}

	@Test
	void table3RowsCarryTheExactOfficialLabels() {
		// given
		ReportFormat f2019 = formats.get("2019");
		ReportFormat f2021 = formats.get("2021");

		// when / then
		assertThat(f2019.row("T3.r1").orElseThrow().label()).isEqualTo("一、本年新收政府信息公开申请数量");
		assertThat(f2019.row("T3.r3_2").orElseThrow().label())
			.isEqualTo("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
		assertThat(f2019.row("T3.r3_3_3").orElseThrow().label()).isEqualTo("3.危及“三安全一稳定”");
		assertThat(f2019.row("T3.r3_5_5").orElseThrow().label()).isEqualTo("5.要求行政机关确认或重新出具已获取信息");
		assertThat(f2019.row("T3.r3_6").orElseThrow().label()).isEqualTo("（六）其他处理");
		assertThat(f2019.row("T3.r3_7").orElseThrow().label()).isEqualTo("（七）总计");
		assertThat(f2019.row("T3.r4").orElseThrow().label()).isEqualTo("四、结转下年度继续办理");
		assertThat(f2021.row("T3.r3_3_3").orElseThrow().label()).isEqualTo("3.危及“三安全一稳定”");
		assertThat(f2021.row("T3.r3_6_1").orElseThrow().label())
			.isEqualTo("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
		assertThat(f2021.row("T3.r3_6_2").orElseThrow().label())
			.isEqualTo("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
		assertThat(f2021.row("T3.r3_6_3").orElseThrow().label()).isEqualTo("3.其他");
	}

	@Test
	void table3GroupCaptionsCarryNoNumbers() {
		// given
		ReportFormat format = formats.get("2021");

		// when
		List<String> captions = format.table("T3")
			.blocks()
			.get(0)
			.lines()
			.stream()
			.filter(BlockDef.Line::isCaption)
			.map(BlockDef.Line::caption)
			.toList();

		// then
		assertThat(captions).containsExactly("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理");
		assertThat(format.table("T3").blocks().get(0).title())
			.isEqualTo("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	}

	@Test
	void table2LabelsDifferBetweenTheFormats() {
		// given
		ReportFormat f2019 = formats.get("2019");
		ReportFormat f2021 = formats.get("2021");

		// when / then
		assertThat(f2019.row("T2.i1.norm").orElseThrow().label()).isEqualTo("规范性文件");
		assertThat(f2021.row("T2.i1.norm").orElseThrow().label()).isEqualTo("行政规范性文件");
		assertThat(f2019.row("T2.i5.other").orElseThrow().label()).isEqualTo("其他对外管理服务事项");
		assertThat(f2019.row("T2.i9.proc").orElseThrow().label()).isEqualTo("政府集中采购");
		assertThat(f2019.cell("T2.i5.lic.delta").orElseThrow().column().label()).isEqualTo("本年增/减");
		assertThat(f2021.cell("T2.i8.fee.amount").orElseThrow().column().label()).isEqualTo("本年收费金额（单位：万元）");
		assertThat(f2021.cell("T2.i6.pun.decisions").orElseThrow().column().label()).isEqualTo("本年处理决定数量");
		assertThat(f2019.row("T2.i1.reg").orElseThrow().blockTitle()).isEqualTo("第二十条第（一）项");
	}

	@Test
	void table4ColumnsShowTheirMergedGroupHeaders() {
		// given
		ReportFormat format = formats.get("2019");

		// when
		ColumnDef reviewTotal = format.cell("T4.rev.tot").orElseThrow().column();
		ColumnDef afterReviewKept = format.cell("T4.lit_after.kept").orElseThrow().column();

		// then
		assertThat(reviewTotal.displayLabel()).isEqualTo("行政复议·总计");
		assertThat(afterReviewKept.displayLabel()).isEqualTo("行政诉讼·复议后起诉·结果维持");
		assertThat(format.cell("T3.r1.com").orElseThrow().column().displayLabel()).isEqualTo("法人或其他组织·商业企业");
		assertThat(format.cell("T3.r1.np").orElseThrow().column().displayLabel()).isEqualTo("自然人");
		assertThat(format.table("T4").name()).isEqualTo("表四");
	}

	@Test
	void bothFormatsShareTheNineNarrativeMetrics() {
		// given
		List<String> expected = List.of("NARR.proactive_items", "NARR.policy_interpretations",
				"NARR.opinion_responses", "NARR.netizen_requests", "NARR.consultations", "NARR.info_reported",
				"NARR.documents_published", "NARR.training_sessions", "NARR.applications_received");

		// when / then
		for (String id : List.of("2019", "2021")) {
			assertThat(formats.get(id).narrativeMetrics()).extracting(NarrativeMetric::code)
				.containsExactlyElementsOf(expected);
		}
		assertThat(formats.get("2019").narrativeMetric("NARR.proactive_items").orElseThrow().label())
			.isEqualTo("主动公开政府信息（条）");
		assertThat(formats.get("2021").narrativeMetric("NARR.applications_received").orElseThrow().label())
			.isEqualTo("本年收到政府信息公开申请（件）");
	}

	private static List<String> cellsOf(ReportFormat format, String table) {
		return format.cells().stream().filter(c -> c.tableCode().equals(table)).map(CellDef::code).toList();
	}

	private static List<String> t3Cells(List<String> rows) {
		List<String> cells = new ArrayList<>();
		for (String row : rows) {
			for (String column : T3_COLUMNS) {
				cells.add(row + "." + column);
			}
		}
		return cells;
	}

}

package township.rollup.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import township.rollup.board.BoardLine;
import township.rollup.board.BoardState;
import township.rollup.board.UnitStatus;
import township.rollup.i18n.Language;
import township.rollup.i18n.Messages;
import township.rollup.i18n.OfficeTime;
import township.rollup.registry.Unit;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.CellType;
import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;
import township.rollup.store.UnitRecordStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feedback page's whole content, byte for byte, for fixed units: the golden files under
 * {@code src/test/resources/golden/} were written by the page renderer as it was before the pages were
 * made fast (and read through before they were committed), so that any change of how a page is made that
 * loses or alters anything fails here. A change of what a page says is made by changing the golden file
 * in the same commit, on purpose.
 */
class FeedbackPageGoldenTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	@TempDir
	Path dir;

	static PageSettings settings(Language language) {
		return new PageSettings(Messages.of(language), FeedbackSelection.ALL, OfficeTime.of("Asia/Shanghai"),
				Clock.fixed(Instant.parse("2021-03-01T08:00:00Z"), ZoneOffset.UTC));
	}

	/** Every cell of the format a number of its own: counts 1, 2, 3…, 本年增/减 negative, amounts with decimals. */
	static Map<String, BigDecimal> numbers(ReportFormat format) {
		Map<String, BigDecimal> numbers = new LinkedHashMap<>();
		int i = 0;
		for (CellDef cell : format.cells()) {
			i++;
			BigDecimal n = BigDecimal.valueOf(i);
			numbers.put(cell.code(), cell.type() == CellType.AMOUNT ? new BigDecimal(i + ".0625")
					: cell.type() == CellType.SIGNED_COUNT ? n.negate() : n);
		}
		numbers.put("NARR.proactive_items", new BigDecimal("100"));
		return numbers;
	}

	static Where cell(String file, int line, String table, String tableName, String row, String rowLabel, String column,
			String columnLabel, String address) {
		return new Where(file, line, table, tableName, row, rowLabel, column, columnLabel, address);
	}

	/** A rejected CSV file: two errors, an open and an explained warning, a notice; a name that looks like markup. */
	static byte[] rejectedCsv(Language language, Path dir) {
		String file = "410999103000_<b>丙街道</b>_2020.csv";
		Unit unit = new Unit("410999103000", "丙街道<script>alert(1)</script>", "街道", "410999000000", null);
		List<Finding> findings = new ArrayList<>();
		findings.add(new Finding("T3-TOT", Severity.ERROR,
				cell(file, 59, "T3", "表三", "T3.r3_7", "（七）总计", "np", "自然人", null), new BigDecimal("5"),
				new BigDecimal("4"), new BigDecimal("-1"), "表三“（七）总计”行“自然人”列：应为 5，填报为 4，相差 1。",
				"Table 3 row \"(7) total\", column \"natural persons\": 5 expected, 4 reported, 1 apart."));
		findings.add(new Finding("T3-TOT", Severity.ERROR,
				cell(file, 59, "T3", "表三", "T3.r3_7", "（七）总计", "tot", "总计", null), new BigDecimal("5"),
				new BigDecimal("4"), new BigDecimal("-1"), "表三“（七）总计”行“总计”列：应为 5，填报为 4，相差 1。",
				"Table 3 row \"(7) total\", column \"total\": 5 expected, 4 reported, 1 apart."));
		findings.add(new Finding("X-JUMP", Severity.WARNING,
				cell(file, 9, "T2", "表二", "T2.i5.lic", "行政许可", "decisions", "处理决定数量", null), new BigDecimal("3"),
				new BigDecimal("40"), null, "表二“行政许可”行“处理决定数量”：由 2019 年度的 3 变为 40，变化超过 10 倍。请核实；如属实，请在文件中写审核说明（NOTE,X-JUMP,说明）。",
				"Table 2 row \"licences\", column \"decisions\": from 3 in 2019 to 40, more than 10 times."));
		findings.add(new Finding("ROW-LABEL", Severity.WARNING,
				cell(file, 18, "T2", "表二", "T2.i6.pun", "行政处罚", null, null, null), null, null, null,
				"表二第 18 行的名称“行政处罚事项”与模板“行政处罚”不同。", "Table 2 line 18: label differs from the template.",
				"本镇事项目录沿用“行政处罚事项”的名称 & <i>数据即行政处罚行</i>"));
		findings.add(new Finding("X-NO-PRIOR", Severity.INFO, Where.file(file), null, null, null,
				"没有 2019 年度已采纳的报告，跨年度规则未检查。", "No accepted report of 2019: cross-year rules not checked."));
		BoardLine line = new BoardLine(2020, unit.code(), unit.name(), UnitStatus.REJECTED, null, 7L,
				2, 2, 1, "410999000000", "街道", null, 0, 0);
		UnitRecordStore.UnitRecord record = new UnitRecordStore.UnitRecord(line, 11L, 2, file,
				"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 5321L, "GBK",
				Instant.parse("2021-02-20T01:02:03Z"), Instant.parse("2021-02-20T01:02:09Z"), "2019", "", findings);
		ReportFormat format = ReportFormats.standard().get("2019");
		try (FeedbackPages pages = new FeedbackPages(settings(language), dir)) {
			return pages.page(unit, "测试市 & \"区\"", record, BoardState.of(line, false), findings, format,
					numbers(format), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
		}
	}

	/** An accepted workbook with an open warning and the file's notice of formulas, in the 2021 format. */
	static byte[] acceptedWorkbook(Language language, Path dir) {
		String file = "410999101000_甲镇_2020.xlsx";
		Unit unit = new Unit("410999101000", "甲镇", "镇", "410999000000", null);
		List<Finding> findings = new ArrayList<>();
		findings.add(new Finding("T2-TOWN-REG", Severity.WARNING,
				cell(file, 14, "T2", "表二", "T2.i1.reg", "规章", "in_force", "对外公开总数量", "表二!E6"), null,
				new BigDecimal("1"), null, "表二“规章”行“对外公开总数量”填报为 1。乡镇（街道）没有制定规章的权限。",
				"Table 2 row \"rules\": 1 reported; townships make no rules."));
		findings.add(new Finding("CELL-FORMULA", Severity.INFO, Where.file(file), null, null, null,
				"2 个单元格是公式（表三!I6、表三!I7），已按文件中保存的计算结果读取。", "Formula cells read as saved: 2."));
		BoardLine line = new BoardLine(2020, unit.code(), unit.name(), UnitStatus.ACCEPTED, null, 5L,
				0, 1, 1, "410999000000", "镇", null, 0, 0);
		UnitRecordStore.UnitRecord record = new UnitRecordStore.UnitRecord(line, 12L, 1, file,
				"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 48213L, "xlsx",
				Instant.parse("2021-02-21T03:00:00Z"), Instant.parse("2021-02-21T03:00:05Z"), "2021", "", findings);
		ReportFormat format = ReportFormats.standard().get("2021");
		try (FeedbackPages pages = new FeedbackPages(settings(language), dir)) {
			return pages.page(unit, "测试市", record, BoardState.of(line, false), findings, format, numbers(format),
					"fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "rejected-csv-zh", "rejected-csv-en", "accepted-xlsx-zh" })
	void aFeedbackPageIsExactlyItsGoldenText(String fixture) throws IOException {
		// when
		Language language = fixture.endsWith("-en") ? Language.EN : Language.ZH;
		byte[] page = fixture.startsWith("rejected") ? rejectedCsv(language, dir) : acceptedWorkbook(language, dir);

		// then
		Path golden = GOLDEN.resolve("feedback-" + fixture + ".html");
		if (Boolean.getBoolean("golden.write")) {
			Files.write(golden, page);
		}
		assertThat(new String(page, StandardCharsets.UTF_8)).as(golden.toString())
			.isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

}

package township.rollup.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.rules.Where;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers
 * (OWASP CSV injection, CWE-1236).
 */
class CsvInjectionTests {

	private static List<String[]> read(byte[] bytes) {
		assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
		assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
		assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		List<String[]> rows = new ArrayList<>();
		try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(text)) {
			while (it.hasNextValue()) {
				rows.add(it.nextValue());
			}
		}
		return rows;
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "+19+1", "--1", "-1+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\tcmd", "\rcmd" })
	void textThatStartsLikeAFormulaGetsAnApostrophe(String text) {
		// when
		String guarded = Csv.guarded(text);

		// then
		assertThat(guarded).isEqualTo("'" + text);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "城关镇", "a=b", "1+1", " =x", "'=x" })
	void otherTextIsLeftAlone(String text) {
		// when / then
		assertThat(Csv.guarded(text)).isEqualTo(text);
	}

	@Test
	void emptyAndNullTextAreLeftAlone() {
		// when / then
		assertThat(Csv.guarded("")).isEmpty();
		assertThat(Csv.guarded(null)).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "-8", "+19", "0", "12", "10.2505", "-0.5", "+0.5", "-" })
	void plainNumbersAreNotFormulas(String number) {
		// when / then: a signed delta in the consolidated report must stay a number for the next level
		assertThat(Csv.guarded(number)).isEqualTo(number);
	}

	@Test
	void theGuardAppliesToEveryCsvTheProductWritesIncludingTheReportItself() {
		// given: a registry name a spreadsheet would run
		var format = township.rollup.reportformat.ReportFormats.standard().get("2019");
		byte[] bytes = SubmissionCsvWriter.report(format,
				new SubmissionCsvWriter.Header("=HYPERLINK(\"http://x\")", "410999000000", 2020),
				java.util.Map.of("T2.i5.lic.delta", new BigDecimal("-8")), java.util.Map.of());

		// when
		List<String[]> rows = read(bytes);

		// then
		assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("META.unit_name", "单位名称",
				"'=HYPERLINK(\"http://x\")"));
		assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("T2.i5.lic", "行政许可", "", "-8"));
	}

	@Test
	void statusCsvGuardsNamesAndFileNames() {
		// given
		StatusCsv.Row row = new StatusCsv.Row("410381101000", "=城关镇", "未通过审核", "REJECTED", "ERRORS", 2,
				"+410381101000_城关镇_2021.csv", "ab".repeat(32), "UTF-8", 3, 1, 1);

		// when
		List<String[]> rows = read(StatusCsv.write(List.of(row)));

		// then
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)[0]).isEqualTo("区划代码(unit_code)");
		assertThat(rows.get(1)).containsExactly("410381101000", "'=城关镇", "未通过审核", "REJECTED", "ERRORS", "2",
				"'+410381101000_城关镇_2021.csv", "ab".repeat(32), "UTF-8", "3", "1", "1", "", "", "", "", "");
	}

	@Test
	void statusCsvWrittenLineByLineIsTheSameFileAndGuardsToo() throws Exception {
		// given two units, as a page of the board gives them
		List<StatusCsv.Row> board = List.of(
				new StatusCsv.Row("410381101000", "=城关镇", "已退回", "REJECTED", "ERRORS", 2,
						"+410381101000_城关镇_2021.csv", "ab".repeat(32), "UTF-8", 3, 1, 1),
				new StatusCsv.Row("410381102000", "岳滩镇", "未报送", "MISSING", null, null, null, null, null, 0, 0, 0));

		// when status.csv is written a line at a time
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		StatusCsv.streamed(sink -> board.forEach(sink)).writeTo(out);

		// then it is the file written at once, byte for byte, with the same guards
		assertThat(out.toByteArray()).isEqualTo(StatusCsv.write(board));
		List<String[]> rows = read(out.toByteArray());
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)[1]).isEqualTo("'=城关镇");
		assertThat(rows.get(2)).containsExactly("410381102000", "岳滩镇", "未报送", "MISSING", "", "", "", "", "", "0",
				"0", "0", "", "", "", "", "");
	}

	@Test
	void findingsCsvGuardsTextButWritesNumbersAsNumbers() {
		// given
		Where where = new Where("-410381101000.csv", 31, "T3", "表三", "T3.r3_7", "@（七）总计", "np", "\t自然人");
		Finding finding = new Finding("T3-TOT", Severity.ERROR, where, new BigDecimal("5"), new BigDecimal("4"),
				new BigDecimal("-1"), "=表三", "+Table 3", "-说明");
		FindingsCsv.Row row = new FindingsCsv.Row("410381101000", "@城关镇", finding);

		// when
		List<String[]> rows = read(FindingsCsv.write(List.of(row)));

		// then
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).containsExactly("410381101000", "'@城关镇", "T3-TOT", "错误", "ERROR",
				"'-410381101000.csv", "31", "表三", "T3.r3_7", "'@（七）总计", "np", "'\t自然人", "5", "4", "-1", "'=表三",
				"'+Table 3", "'-说明", "");
	}

	@Test
	void findingsCsvWritesAmountsPlainAndLeavesMissingNumbersEmpty() {
		// given
		Where where = Where.file("a.csv");
		Finding withAmounts = new Finding("T2-X", Severity.WARNING, where, new BigDecimal("30.5000"),
				new BigDecimal("1E+3"), new BigDecimal("969.5000"), "说明", "message");
		Finding withoutNumbers = new Finding("FILE-EMPTY", Severity.ERROR, where, null, null, null, "空", "empty");

		// when
		List<String[]> rows = read(FindingsCsv.write(List.of(new FindingsCsv.Row(null, null, withAmounts),
				new FindingsCsv.Row(null, null, withoutNumbers))));

		// then
		assertThat(rows.get(1)).containsSequence("30.5", "1000", "969.5");
		assertThat(rows.get(2)[12]).isEmpty();
		assertThat(rows.get(2)[13]).isEmpty();
		assertThat(rows.get(2)[14]).isEmpty();
		assertThat(rows.get(2)[0]).isEmpty();
		assertThat(rows.get(2)[6]).isEmpty();
	}

}

package township.rollup.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import township.rollup.rules.Finding;
import township.rollup.rules.Severity;
import township.rollup.submission.Cell;
import township.rollup.submission.CellKind;
import township.rollup.submission.Meta;
import township.rollup.submission.Note;
import township.rollup.submission.ParsedSubmission;
import township.rollup.submission.SourceFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static township.rollup.ingest.IngestFixtures.only;
import static township.rollup.ingest.IngestFixtures.parse;

/**
 * What the parser reads from the fixtures (values, encoding, metadata, notes, narrative) and the exact
 * Chinese message of each rule it raises. Which findings each fixture gives is in
 * {@link SubmissionParserCasesTests}.
 */
class SubmissionParserTests {

	/** 2019 format: T2 3+3+3+3+3+3+2+2 = 22 cells, T3 23 rows × 7 = 161, T4 15: 198 value cells. */
	private static final int CELLS_2019 = 198;

	/** 2021 format: T2 3+3+1+1+1+1 = 10 cells, T3 25 rows × 7 = 175, T4 15: 200 value cells. */
	private static final int CELLS_2021 = 200;

	private static ParsedSubmission read(String fixture) {
		SubmissionParser.Result result = parse(fixture);
		assertThat(result.submission()).as(fixture + " is read").isPresent();
		return result.submission().get();
	}

	private static String zh(String fixture, String ruleId) {
		return only(parse(fixture).findings(), ruleId).messageZh();
	}

	// --- what is read

	@Test
	void theCleanSampleIsReadCompletely() {
		// when
		ParsedSubmission s = read("clean-2019.csv");

		// then
		assertThat(s.fileName()).isEqualTo("clean-2019.csv");
		assertThat(s.encoding()).isEqualTo("UTF-8");
		assertThat(s.formatId()).isEqualTo("2019");
		assertThat(s.meta()).isEqualTo(new Meta("邙岭镇", "410381114000", "2020", "2019"));
		assertThat(s.metaLines()).containsOnly(entry("META.unit_name", 7), entry("META.unit_code", 8),
				entry("META.year", 9), entry("META.format", 10));
		assertThat(s.cells()).hasSize(CELLS_2019);
		assertThat(s.numbers()).hasSize(CELLS_2019);
		assertThat(s.cells().get("T2.i9.proc.count")).isEqualTo(new Cell("T2.i9.proc.count", 29, "2", CellKind.NUMBER,
				new BigDecimal("2")));
		assertThat(s.cells().get("T2.i9.proc.amount").value()).isEqualTo(new BigDecimal("30.5"));
		assertThat(s.cells().get("T3.r1.np")).isEqualTo(new Cell("T3.r1.np", 34, "0", CellKind.NUMBER, BigDecimal.ZERO));
		assertThat(s.cells().get("T4.lit_after.tot").line()).isEqualTo(65);
		assertThat(s.cells().get("T3.r4.tot").line()).isEqualTo(60);
		assertThat(s.notes()).isEmpty();
	}

	@Test
	void theNarrativeNumbersOfTheSampleAreRead() {
		// when
		ParsedSubmission s = read("clean-2019.csv");

		// then: the sample states six of the eight metrics
		assertThat(s.narrative()).hasSize(6);
		assertThat(s.narrative().get("NARR.proactive_items"))
			.isEqualTo(new Cell("NARR.proactive_items", 67, "392", CellKind.NUMBER, new BigDecimal("392")));
		assertThat(s.narrative().get("NARR.documents_published").value()).isEqualByComparingTo("5");
		assertThat(s.narrative()).doesNotContainKeys("NARR.consultations", "NARR.training_sessions");
	}

	@Test
	void the2021TemplateIsReadAgainstThe2021Format() {
		// when
		ParsedSubmission s = read("clean-2021.csv");

		// then
		assertThat(s.formatId()).isEqualTo("2021");
		assertThat(s.cells()).hasSize(CELLS_2021);
		assertThat(s.numbers()).hasSize(CELLS_2021);
		assertThat(s.cells().get("T2.i8.fee.amount").value()).isEqualTo(new BigDecimal("0.092"));
		assertThat(s.cells()).containsKeys("T3.r3_6_1.np", "T3.r3_6_2.tot", "T3.r3_6_3.oth", "T2.i1.norm.in_force")
			.doesNotContainKeys("T3.r3_6.np", "T2.i9.proc.amount", "T2.i5.other.delta");
	}

	@Test
	void realGbkBytesAreReadAsGb18030WithTheSameValues() {
		// when
		ParsedSubmission s = read("gbk-encoded.csv");

		// then
		assertThat(s.encoding()).isEqualTo("GB18030");
		assertThat(s.meta()).isEqualTo(new Meta("邙岭镇", "410381114000", "2020", "2019"));
		assertThat(s.numbers()).hasSize(CELLS_2019);
		assertThat(s.cells().get("T2.i9.proc.amount").value()).isEqualTo(new BigDecimal("30.5"));
		assertThat(s.narrative().get("NARR.opinion_responses").value()).isEqualByComparingTo("139");
	}

	@Test
	void utf8WithBomIsReadAndTheBomDoesNotSpoilTheFirstLine() {
		// when
		ParsedSubmission s = read("utf8-bom.csv");

		// then
		assertThat(s.encoding()).isEqualTo("UTF-8 (BOM)");
		assertThat(s.meta().unitName()).isEqualTo("邙岭镇");
		assertThat(s.numbers()).hasSize(CELLS_2019);
	}

	@Test
	void aTabSeparatedFileIsReadLikeTheCommaSeparatedOne() {
		// when
		ParsedSubmission s = read("tab-separated.csv");

		// then
		assertThat(s.numbers()).hasSize(CELLS_2019);
		assertThat(s.cells().get("T2.i9.proc.amount").value()).isEqualTo(new BigDecimal("30.5"));
	}

	@Test
	void excelPaddingDoesNotChangeWhatIsRead() {
		// when
		ParsedSubmission s = read("excel-padded-trailing-commas.csv");

		// then
		assertThat(s.numbers()).hasSize(CELLS_2019);
		assertThat(s.narrative()).hasSize(6);
	}

	@Test
	void theChangeColumnKeepsItsSign() {
		// when
		ParsedSubmission s = read("signed-delta.csv");

		// then
		assertThat(s.cells().get("T2.i5.lic.delta"))
			.isEqualTo(new Cell("T2.i5.lic.delta", 18, "+19", CellKind.NUMBER, new BigDecimal("19")));
		assertThat(s.cells().get("T2.i6.pun.delta").value()).isEqualByComparingTo("-8");
	}

	@Test
	void aBlankCellIsKeptBlankAndNeverReadAsZero() {
		// when
		ParsedSubmission s = read("blank-required-cell.csv");

		// then
		assertThat(s.cells().get("T3.r1.np")).isEqualTo(new Cell("T3.r1.np", 34, "", CellKind.BLANK, null));
		assertThat(s.numbers()).doesNotContainKey("T3.r1.np").hasSize(CELLS_2019 - 1);
	}

	@Test
	void aCellWithAProblemIsKeptWithItsRawText() {
		// when
		ParsedSubmission s = read("amount-with-unit.csv");

		// then
		assertThat(s.cells().get("T2.i9.proc.amount"))
			.isEqualTo(new Cell("T2.i9.proc.amount", 29, "251000元", CellKind.TEXT, null));
	}

	@Test
	void theFirstOfTwoDuplicateRowsCounts() {
		// when
		ParsedSubmission s = read("duplicate-row.csv");

		// then: line 35 has 0, the duplicate on line 36 has 1
		assertThat(s.cells().get("T3.r2.np")).isEqualTo(new Cell("T3.r2.np", 35, "0", CellKind.NUMBER, BigDecimal.ZERO));
		assertThat(s.cells().get("T3.r2.tot").value()).isEqualByComparingTo("0");
	}

	@Test
	void theFirstOfTwoDuplicateMetaLinesCounts() {
		// when
		ParsedSubmission s = read("meta-duplicate.csv");

		// then
		assertThat(s.meta().unitName()).isEqualTo("邙岭镇");
		assertThat(s.metaLines()).containsEntry("META.unit_name", 7);
	}

	@Test
	void aMissingMetaLineIsNull() {
		// when
		ParsedSubmission s = read("meta-missing.csv");

		// then
		assertThat(s.meta()).isEqualTo(new Meta("邙岭镇", "410381114000", null, "2019"));
		assertThat(s.metaLines()).doesNotContainKey("META.year");
		assertThat(s.numbers()).hasSize(CELLS_2019);
	}

	@Test
	void anUnknownFormatReadsNoCells() {
		// when
		ParsedSubmission s = read("unknown-format.csv");

		// then
		assertThat(s.formatId()).isNull();
		assertThat(s.meta().format()).isEqualTo("2020");
		assertThat(s.cells()).isEmpty();
	}

	@Test
	void aFormatMismatchReadsNoCells() {
		// when
		ParsedSubmission s = read("format-mismatch-2019-content.csv");

		// then
		assertThat(s.formatId()).isNull();
		assertThat(s.meta().format()).isEqualTo("2021");
		assertThat(s.cells()).isEmpty();
	}

	@Test
	void narrativeValuesAreReadABlankOneIsNotStatedAndTextIsNotANumber() {
		// when
		ParsedSubmission s = read("narrative-lines.csv");

		// then
		assertThat(s.narrative().get("NARR.proactive_items").value()).isEqualByComparingTo("392");
		assertThat(s.narrative().get("NARR.info_reported"))
			.isEqualTo(new Cell("NARR.info_reported", 71, "43", CellKind.NUMBER, new BigDecimal("43")));
		assertThat(s.narrative().get("NARR.documents_published").value()).isEqualByComparingTo("5");
		assertThat(s.narrative()).doesNotContainKey("NARR.policy_interpretations");
		assertThat(s.narrative().get("NARR.opinion_responses").isNumber()).isFalse();
		assertThat(s.narrative().get("NARR.netizen_requests").isNumber()).isFalse();
		assertThat(s.narrative()).doesNotContainKey("NARR.visitors");
	}

	@Test
	void aNotApplicableMarkerInAnOptionalNarrativeValueMeansNotStated() {
		// when
		SubmissionParser.Result result = parse("narrative-na-marker.csv");

		// then: "/" and "—" are read like a blank there, never as a number and never as an error
		assertThat(result.findings()).isEmpty();
		ParsedSubmission s = result.submission().orElseThrow();
		assertThat(s.narrative()).doesNotContainKeys("NARR.policy_interpretations", "NARR.opinion_responses")
			.containsKeys("NARR.proactive_items", "NARR.netizen_requests");
	}

	@Test
	void noteLinesAreReadAsNotesWithTheRuleIdUpperCasedAndTheTextTrimmed() {
		// when
		ParsedSubmission s = read("note-lines.csv");

		// then
		assertThat(s.notes()).containsExactly(new Note(74, "T3-ROW", "本年度申请均已办结，结转数据已核实。"),
				new Note(75, "ROW-LABEL", "行名称按本镇习惯填写"));
		assertThat(s.numbers()).hasSize(CELLS_2019);
	}

	@Test
	void aLabelWarningIsExplainedByANoteOfTheSameRule() {
		// when
		List<Finding> plain = parse("label-mismatch.csv").findings();
		List<Finding> explained = parse("label-mismatch-explained.csv").findings();

		// then
		Finding open = only(plain, "ROW-LABEL");
		assertThat(open.severity()).isEqualTo(Severity.WARNING);
		assertThat(open.explanation()).isNull();
		assertThat(open.isOpenWarning()).isTrue();
		Finding closed = only(explained, "ROW-LABEL");
		assertThat(closed.explanation()).isEqualTo("本镇沿用旧表，行名称已核对。");
		assertThat(closed.isOpenWarning()).isFalse();
	}

	@Test
	void aFileThatIsNotTextGivesNoSubmission() {
		for (String fixture : List.of("empty.csv", "xlsx-renamed.csv", "xls-renamed.csv", "pdf-renamed.csv",
				"utf16.csv", "undecodable-bytes.csv")) {
			// when
			SubmissionParser.Result result = parse(fixture);

			// then
			assertThat(result.submission()).as(fixture).isEmpty();
			assertThat(result.findings()).as(fixture).hasSize(1).allMatch(Finding::isError);
		}
	}

	@Test
	void aTruncatedFileIsStillReadAsFarAsItGoes() {
		// when
		ParsedSubmission s = read("truncated-file.csv");

		// then: T2 (22) + T3.r1, r2, r3_1, r3_2, r3_3_1 … r3_3_4 (8 rows × 7 = 56)
		assertThat(s.numbers()).hasSize(22 + 56);
		assertThat(s.cells().get("T3.r3_3_4.tot").line()).isEqualTo(43);
	}

	@Test
	void aFileAboveTheSizeLimitIsNotRead() {
		// given: 1 MiB + 1 byte, recorded with its size and no bytes
		SourceFile big = new SourceFile("big.csv", 1048577, "sha", new byte[0]);

		// when
		SubmissionParser.Result result = IngestFixtures.parser().parse(big);

		// then
		assertThat(result.submission()).isEmpty();
		assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("FILE-TOO-LARGE");
		assertThat(result.findings().get(0).messageZh())
			.isEqualTo("文件“big.csv”有 1048577 字节，超过 1048576 字节的上限，不是一份年度报表。请检查是否提交了其他文件。");
	}

	@Test
	void aFileOfExactlyTheSizeLimitIsRead() {
		// given
		byte[] sample = IngestFixtures.bytes("clean-2019.csv");
		byte[] bytes = new byte[1048576];
		System.arraycopy(sample, 0, bytes, 0, sample.length);
		java.util.Arrays.fill(bytes, sample.length, bytes.length, (byte) '\n');

		// when
		SubmissionParser.Result result = IngestFixtures.parser()
			.parse(new SourceFile("limit.csv", bytes.length, "sha", bytes));

		// then
		assertThat(result.findings()).isEmpty();
		assertThat(result.submission()).isPresent();
	}

	// --- the Chinese message of each rule, exactly

	@Test
	void cellBlankMessage() {
		// when / then
		assertThat(zh("blank-required-cell.csv", "CELL-BLANK"))
			.isEqualTo("表三“一、本年新收政府信息公开申请数量”行“自然人”列为空。没有数据请填 0，不要留空。");
	}

	@Test
	void cellNaMessage() {
		// when / then
		assertThat(zh("na-marker-in-value-cell.csv", "CELL-NA"))
			.isEqualTo("表三“（一）予以公开”行“法人或其他组织·商业企业”列填写了“/”（不适用），但模板在此处要求填写数字。没有数据请填 0。");
	}

	@Test
	void cellTextMessage() {
		// when / then
		assertThat(zh("text-in-count-cell.csv", "CELL-TEXT"))
			.isEqualTo("表二“规范性文件”行“本年新公开数量”列填写的“68余”不是数字。请只填写阿拉伯数字。");
	}

	@Test
	void cellUnitMessageOfAnAmount() {
		// when / then
		assertThat(zh("amount-with-unit.csv", "CELL-UNIT"))
			.isEqualTo("表二“政府集中采购”行“采购总金额”列填写的“251000元”带有单位。请只填写数字，金额以万元为单位、最多保留 4 位小数，例如写作 25.1。");
	}

	@Test
	void cellUnitMessageOfACount() {
		// when / then
		assertThat(zh("unit-in-count-cell.csv", "CELL-UNIT"))
			.isEqualTo("表二“行政许可”行“处理决定数量”列填写的“40件”带有单位。请只填写数字，件数只填整数，例如写作 40。");
	}

	@Test
	void cellDecimalsMessage() {
		// when / then
		assertThat(zh("amount-too-many-decimals.csv", "CELL-DECIMALS"))
			.isEqualTo("表二“政府集中采购”行“采购总金额”列填写的“1.23456”超过 4 位小数。金额以万元为单位，最多保留 4 位小数。");
	}

	@Test
	void cellNegativeMessage() {
		// when / then
		assertThat(zh("negative-count.csv", "CELL-NEGATIVE"))
			.isEqualTo("表三“二、上年结转政府信息公开申请数量”行“自然人”列填写的“-3”是负数。此列只能填写 0 或正数（只有“本年增/减”可以为负）。");
	}

	@Test
	void cellSignMessage() {
		// when / then
		assertThat(zh("plus-sign-in-count.csv", "CELL-SIGN"))
			.isEqualTo("表四“政府信息公开行政复议、行政诉讼情况”行“行政诉讼·未经复议直接起诉·结果维持”列填写的“+5”带有正负号。只有“本年增/减”列可以带正负号，请去掉“+”。");
	}

	@Test
	void cellNotIntegerMessage() {
		// when / then
		assertThat(zh("not-integer-count.csv", "CELL-NOT-INTEGER"))
			.isEqualTo("表三“1.属于国家秘密”行“总计”列填写的“3.5”不是整数。此列只能填写整数。");
	}

	@Test
	void cellExtraMessage() {
		// when / then
		assertThat(zh("extra-value-beyond-columns.csv", "CELL-EXTRA"))
			.isEqualTo("表二“行政事业性收费”行只有 2 个数据列，但第 3 个数据位置填写了“5”。请检查是否错列。");
	}

	@Test
	void narrativeCellMessages() {
		// when
		List<Finding> findings = parse("narrative-lines.csv").findings();

		// then
		assertThat(only(findings, "CELL-TEXT").messageZh())
			.isEqualTo("总体情况“回应网络舆情（次）”行“数量”列填写的“68余”不是数字。请只填写阿拉伯数字。");
		assertThat(only(findings, "CELL-UNIT").messageZh())
			.isEqualTo("总体情况“办理网民诉求（件）”行“数量”列填写的“123件”带有单位。请只填写数字，件数只填整数，例如写作 123。");
		assertThat(only(findings, "ROW-UNKNOWN").messageZh())
			.isEqualTo("第 73 行的行代码“NARR.visitors”不是 2019 格式模板中的代码。请不要修改第一列的行代码。");
	}

	@Test
	void rowLabelMessage() {
		// when / then
		assertThat(zh("label-mismatch.csv", "ROW-LABEL"))
			.isEqualTo("第 40 行代码为 T3.r3_3_1，名称却写作“2.其他法律行政法规禁止公开”，与模板名称“1.属于国家秘密”不一致。请检查是否错行。");
	}

	@Test
	void rowUnknownMessage() {
		// when / then
		assertThat(zh("unknown-row-code.csv", "ROW-UNKNOWN"))
			.isEqualTo("第 16 行的行代码“T2.i1.x_other_docs”不是 2019 格式模板中的代码。请不要修改第一列的行代码。");
	}

	@Test
	void rowDuplicateMessage() {
		// when / then
		assertThat(zh("duplicate-row.csv", "ROW-DUPLICATE"))
			.isEqualTo("表三“二、上年结转政府信息公开申请数量”行（代码 T3.r2）出现了两次：第 35 行和第 36 行。请只保留一行。");
	}

	@Test
	void rowMissingMessageWithoutAHint() {
		// when / then
		assertThat(zh("missing-row.csv", "ROW-MISSING"))
			.isEqualTo("表二缺少“其他对外管理服务事项”行（代码 T2.i5.other）。请按模板补上。");
	}

	@Test
	void rowMissingMessagePointsAtTheLineWithTheLabelButNoCode() {
		// when / then
		assertThat(zh("missing-row-code-but-label-present.csv", "ROW-MISSING"))
			.isEqualTo("表三缺少“（六）其他处理”行（代码 T3.r3_6）。第 58 行看起来就是这一行，但第一列没有行代码。请按模板补上。");
	}

	@Test
	void fileTruncatedMessage() {
		// when / then
		assertThat(zh("truncated-file.csv", "FILE-TRUNCATED"))
			.isEqualTo("文件“truncated-file.csv”在第 43 行突然结束，缺少 16 行，可能没有完整保存或传输中断。请重新导出完整的文件。");
	}

	@Test
	void fileEmptyMessage() {
		// when / then
		assertThat(zh("empty.csv", "FILE-EMPTY")).isEqualTo("文件“empty.csv”是空文件（0 字节）。请重新导出报表后再提交。");
	}

	@Test
	void fileNotCsvMessagesNameWhatTheFileIs() {
		// when / then: a zip is read as a workbook whatever its name, and this one holds none
		assertThat(zh("xlsx-renamed.csv", "FILE-XLSX"))
			.isEqualTo("文件“xlsx-renamed.csv”按内容是 zip 压缩格式（Excel 工作簿 .xlsx 的格式），但无法作为工作簿读取：压缩包中没有工作簿。请在 Excel 或 WPS 中打开它，确认内容完整后重新保存为“Excel 工作簿（.xlsx）”再报送。");
		assertThat(zh("xls-renamed.csv", "FILE-XLS"))
			.isEqualTo("文件“xls-renamed.csv”是 Excel 97-2003 工作簿（.xls）或设置了打开密码的工作簿，系统不读取这两种文件。请在 Excel 或 WPS 中选择“另存为 → Excel 工作簿（.xlsx）”（不要设置打开密码），或另存为 CSV，再报送。");
		assertThat(zh("pdf-renamed.csv", "FILE-NOT-CSV"))
			.isEqualTo("文件“pdf-renamed.csv”不是 CSV 文本文件（PDF 文档）。请在 Excel 或 WPS 中选择“另存为 → CSV（逗号分隔）”后再提交。");
	}

	@Test
	void fileUtf16Message() {
		// when / then
		assertThat(zh("utf16.csv", "FILE-UTF16"))
			.isEqualTo("文件“utf16.csv”是 UTF-16 编码（Excel 的“Unicode 文本”），不是 CSV。请选择“另存为 → CSV（逗号分隔）”或“CSV UTF-8”。");
	}

	@Test
	void fileEncodingMessageGivesTheLineAndTheByteOffset() {
		// given: the 0xFF byte is at offset 1987 counted from 0, so it is the 1988th byte, on line 34
		assertThat(zh("undecodable-bytes.csv", "FILE-ENCODING"))
			.isEqualTo("文件“undecodable-bytes.csv”第 34 行含有无法识别的字符（第 1988 字节起），既不是 UTF-8 也不是 GBK/GB18030 编码。请用 Excel 或 WPS 重新“另存为 CSV”。");
	}

	@Test
	void fileCsvMessageGivesTheLineOfTheUnclosedQuote() {
		// when / then
		assertThat(zh("unterminated-quote.csv", "FILE-CSV"))
			.startsWith("文件“unterminated-quote.csv”第 65 行不是有效的 CSV：引号不成对或格式错误（")
			.endsWith("）。该行之后的内容无法读取。");
	}

	@Test
	void metaMissingMessage() {
		// when / then
		assertThat(zh("meta-missing.csv", "META-MISSING"))
			.isEqualTo("文件缺少“报告年度”行（代码 META.year）。请按模板在文件开头填写。");
	}

	@Test
	void metaDuplicateMessage() {
		// when / then
		assertThat(zh("meta-duplicate.csv", "META-DUPLICATE"))
			.isEqualTo("“META.unit_name”行出现了两次（第 7 行和第 8 行）。请只保留一行。");
	}

	@Test
	void metaFormatMessage() {
		// when / then
		assertThat(zh("unknown-format.csv", "META-FORMAT")).isEqualTo("报表格式填写为“2020”，无法识别。应填写 2019、2021 之一。");
	}

	@Test
	void formatMismatchMessageNamesTheEvidence() {
		// when / then
		assertThat(zh("format-mismatch-2019-content.csv", "FORMAT-MISMATCH"))
			.isEqualTo("文件声明的报表格式是 2021，但内容看起来是 2019 格式（出现了 2019 格式才有的T2.i5.other、T2.i9.proc、T3.r3_6）。请用 2021 格式的模板重新填报，或改正“报表格式”一行。");
	}

	@Test
	void everyCellFindingIsAnErrorAndTheLabelWarningIsAWarning() {
		// when
		Map<String, Severity> severities = Map.of("CELL-BLANK",
				only(parse("blank-required-cell.csv").findings(), "CELL-BLANK").severity(), "CELL-EXTRA",
				only(parse("extra-value-beyond-columns.csv").findings(), "CELL-EXTRA").severity(), "ROW-LABEL",
				only(parse("label-mismatch.csv").findings(), "ROW-LABEL").severity());

		// then
		assertThat(severities).containsOnly(entry("CELL-BLANK", Severity.ERROR), entry("CELL-EXTRA", Severity.ERROR),
				entry("ROW-LABEL", Severity.WARNING));
	}

}

package township.rollup.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import township.rollup.board.BoardLine;
import township.rollup.board.UnitStatus;
import township.rollup.cli.CommandException;
import township.rollup.cli.JobRunner;
import township.rollup.reportformat.CellDef;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.Finding;
import township.rollup.store.ConsolidatedStore;
import township.rollup.store.FindingStore;
import township.rollup.store.StatusStore;
import township.rollup.support.DatabaseSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * No input stops the run for the other townships. 测试市 as in {@link ConsolidationJobFunctionalTests},
 * and 丁乡 (otherwise missing) sends a copy of 乙镇's file with one defect each time: the run completes,
 * 丁乡 gets a specific finding, and 甲镇 and 乙镇 stay accepted with the city totals computed by hand.
 */
class HardeningFunctionalTests extends FunctionalTestSupport {

	static final Path INPUT = ConsolidationJobFunctionalTests.INPUT;

	static final Path HOME = ConsolidationJobFunctionalTests.HOME;

	static final String DINGXIANG = "410999104000";

	static final Path DINGXIANG_FILE = INPUT.resolve("2020/410999104000_丁乡_2020.csv");

	@Autowired
	JobRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatusStore status;

	@Autowired
	FindingStore findings;

	@Autowired
	ConsolidatedStore consolidated;

	@BeforeEach
	void freshCity() throws IOException {
		DatabaseSnapshot.clean(jdbc);
		FileSystemUtils.deleteRecursively(HOME.resolve("output"));
		FileSystemUtils.deleteRecursively(INPUT);
		FileSystemUtils.copyRecursively(ConsolidationJobFunctionalTests.FIXTURE, INPUT);
		// 丙街道 is rejected in the fixture; out of the way, the city is 甲镇 + 乙镇 + 丁乡
		Files.delete(INPUT.resolve("2020/410999103000_丙街道_2020.csv"));
	}

	/** 乙镇's file, as 丁乡's (UTF-8 with a BOM). */
	static String dingxiang() throws IOException {
		String yizhen = Files.readString(INPUT.resolve("2020/410999102000_乙镇_2020.csv"), StandardCharsets.UTF_8);
		return yizhen.replace("410999102000", DINGXIANG).replace("乙镇", "丁乡");
	}

	static void send(String text) throws IOException {
		Files.writeString(DINGXIANG_FILE, text, StandardCharsets.UTF_8);
	}

	private List<Finding> dingxiangFindings() {
		BoardLine line = dingxiangLine();
		List<Finding> all = new java.util.ArrayList<>();
		long fileId = jdbc.queryForObject("SELECT received_file_id FROM submission WHERE id = ?", Long.class,
				line.submissionId());
		all.addAll(findings.ofFile(fileId));
		all.addAll(findings.ofSubmission(line.submissionId()));
		return all;
	}

	/** What the store holds as read from a file. */
	private township.rollup.submission.ParsedSubmission reading(Path file) {
		return township.rollup.submission.Readings.decode(jdbc.queryForObject(
				"SELECT reading FROM received_file WHERE file_name = ?", String.class, file.getFileName().toString()));
	}

	private BoardLine dingxiangLine() {
		return status.board(2020).stream().filter(l -> l.unitCode().equals(DINGXIANG)).findFirst().orElseThrow();
	}

	/** 甲镇 and 乙镇 accepted (丙街道 sent nothing here), and the city's totals theirs alone, every cell. */
	private void othersUnharmed() {
		assertThat(status.board(2020)).filteredOn(l -> !l.unitCode().equals(DINGXIANG))
			.extracting(BoardLine::unitName, BoardLine::status)
			.containsExactly(tuple("甲镇", UnitStatus.ACCEPTED), tuple("乙镇", UnitStatus.ACCEPTED),
					tuple("丙街道", UnitStatus.MISSING));
		Map<String, BigDecimal> cells = consolidated.cells(2020, ConsolidationJobFunctionalTests.CITY);
		for (CellDef cell : ReportFormats.standard().get("2019").cells()) {
			assertThat(cells.get(cell.code())).as(cell.code())
				.isEqualByComparingTo(ConsolidationJobFunctionalTests.EXPECTED.getOrDefault(cell.code(), BigDecimal.ZERO));
		}
	}

	@Test
	void aCellOf5000CharactersIsAFindingThatShowsItsStartAndItsLength() throws IOException {
		// given: 5,000 characters where 自然人's count of new applications belongs
		send(dingxiang().replace("T3.r1,一、本年新收政府信息公开申请数量,1,", "T3.r1,一、本年新收政府信息公开申请数量," + "字".repeat(5000) + ","));

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then: the cut is 100 characters with its marker, in the reader's language
		assertThat(exit).isZero();
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.REJECTED);
		Finding text = dingxiangFindings().stream().filter(f -> f.ruleId().equals("CELL-TEXT")).findFirst().orElseThrow();
		assertThat(text.where().cellCode()).isEqualTo("T3.r1.np");
		assertThat(text.messageZh()).isEqualTo("表三“一、本年新收政府信息公开申请数量”行“自然人”列填写的“" + "字".repeat(87)
				+ "…（原文共 5000 字）”不是数字。请只填写阿拉伯数字。");
		assertThat(text.messageEn()).contains("\"" + "字".repeat(74) + "… (5000 characters in all)\"");
		String stored = reading(DINGXIANG_FILE).cells().get("T3.r1.np").raw();
		assertThat(stored).isEqualTo("字".repeat(76) + "…（共 5000 字 / 5000 chars）");
		othersUnharmed();
	}

	@Test
	void aThirtyDigitCountAndAThirtyDigitAmountAreOutOfRangeAndNeverReachSql() throws IOException {
		// given
		String thirty = "123456789012345678901234567890";
		send(dingxiang().replace("T3.r1,一、本年新收政府信息公开申请数量,1,", "T3.r1,一、本年新收政府信息公开申请数量," + thirty + ",")
			.replace("T2.i9.proc,政府集中采购,2,0.0005", "T2.i9.proc,政府集中采购,2," + thirty + ".5"));

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then
		assertThat(exit).isZero();
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.REJECTED);
		assertThat(dingxiangFindings()).filteredOn(f -> f.ruleId().equals("CELL-RANGE"))
			.extracting(f -> f.where().cellCode(), Finding::messageZh)
			.containsExactlyInAnyOrder(
					tuple("T2.i9.proc.amount", "表二“政府集中采购”行“采购总金额”列填写的“" + thirty
							+ ".5”数值过大：整数部分超过 15 位，不可能是以万元计的金额。请核对后重新填写。"),
					tuple("T3.r1.np", "表三“一、本年新收政府信息公开申请数量”行“自然人”列填写的“" + thirty
							+ "”数值过大：整数部分超过 15 位，不可能是件数。请核对后重新填写。"));
		var read = reading(DINGXIANG_FILE);
		assertThat(read.cells().get("T3.r1.np").value()).isNull();
		assertThat(read.cells().get("T2.i9.proc.amount").value()).isNull();
		othersUnharmed();
	}

	@Test
	void aLongExplanationIsKeptCutWithItsLength() throws IOException {
		// given: a 乡 that reports 规章 (a warning) and explains it at length
		String note = "说明".repeat(5000);
		send(dingxiang().replace("T2.i1.reg,规章,0,0,0", "T2.i1.reg,规章,1,1,1") + "NOTE,T2-TOWN-REG," + note + "\r\n");

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then: accepted, its warning explained with the first 1,000 characters (marker included)
		assertThat(exit).isZero();
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.ACCEPTED);
		Finding warning = dingxiangFindings().stream()
			.filter(f -> f.ruleId().equals("T2-TOWN-REG"))
			.findFirst()
			.orElseThrow();
		String marker = "…（共 10000 字 / 10000 chars）";
		assertThat(warning.explanation()).hasSize(1000).endsWith(marker).startsWith("说明说明");
		assertThat(reading(DINGXIANG_FILE).notes().get(0).text()).hasSize(1000).endsWith(marker);
	}

	@Test
	void aSymbolicLinkIsRejectedWithAFindingNotLeftMissing() throws IOException {
		// given: the clerk's file is elsewhere; the inbox holds a link to it
		Path elsewhere = Files.createTempFile("dingxiang", ".csv");
		Files.writeString(elsewhere, dingxiang(), StandardCharsets.UTF_8);
		Files.createSymbolicLink(DINGXIANG_FILE, elsewhere);

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then
		assertThat(exit).isZero();
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.REJECTED);
		assertThat(dingxiangFindings()).extracting(Finding::ruleId, Finding::messageZh)
			.containsExactly(tuple("FILE-LINK", "收件目录中的“410999104000_丁乡_2020.csv”是一个符号链接（指向 " + elsewhere
					+ "），不是文件本身，不予读取。请把报表文件本身放入收件目录。"));
		othersUnharmed();
	}

	@Test
	void aBrokenSettingsFileOfLastYearIsAConfigurationErrorWithItsFileAndLine() throws IOException {
		// given
		Files.createDirectories(INPUT.resolve("settings"));
		Files.writeString(INPUT.resolve("settings/2019.csv"), "key,value,reason\nrule.X-JUMP.ratoi,3,typo\n",
				StandardCharsets.UTF_8);

		// when / then: exit 2 before anything runs, naming the file and the line
		assertThatThrownBy(() -> runner.run(JobNames.NIGHTLY, 2020, false)).isInstanceOfSatisfying(
				CommandException.class, ex -> {
					assertThat(ex.exitCode()).isEqualTo(2);
					assertThat(ex.getMessage()).contains("2019.csv line 2").contains("ratoi");
				});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isZero();
	}

	@Test
	void aFileWhoseContentTheDatabaseRefusesIsQuarantinedAndTheRunGoesOn() throws IOException {
		// given: a real refusal by the database: a constraint the content breaks (SQLSTATE class 23)
		String note = "NOTE,X-JUMP,BOOM\r\n";
		send(dingxiang() + note);
		jdbc.execute("ALTER TABLE received_file ADD CONSTRAINT test_refuses_boom CHECK (reading NOT LIKE '%BOOM%')");
		try {
			// when
			int exit = runner.run(JobNames.NIGHTLY, 2020, false);

			// then
			assertThat(exit).isZero();
		}
		finally {
			jdbc.execute("ALTER TABLE received_file DROP CONSTRAINT test_refuses_boom");
		}
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.REJECTED);
		byte[] bytes = Files.readAllBytes(DINGXIANG_FILE);
		List<Finding> found = dingxiangFindings();
		assertThat(found).extracting(Finding::ruleId).containsExactly("FILE-STORE");
		assertThat(found.get(0).messageZh()).startsWith("文件“410999104000_丁乡_2020.csv”（" + bytes.length
				+ " 字节，SHA-256 " + township.rollup.bytes.Sha256.hex(bytes) + "）的内容无法存入数据库（SQLSTATE 23");
		assertThat(jdbc.queryForObject("SELECT readable FROM received_file WHERE file_name = ?", Boolean.class,
				DINGXIANG_FILE.getFileName().toString())).isFalse();
		othersUnharmed();
	}

	@Test
	void aFaultOfTheSystemFailsTheRunAndTheRerunResumesOnceItIsFixed() throws IOException {
		// given: a table gone (SQLSTATE class 42): the system's fault, not a file's
		send(dingxiang());
		jdbc.execute("ALTER TABLE township_status RENAME TO township_status_away");
		int failed;
		try {
			failed = runner.run(JobNames.NIGHTLY, 2020, false);
		}
		finally {
			jdbc.execute("ALTER TABLE township_status_away RENAME TO township_status");
		}

		// when
		int resumed = runner.run(JobNames.NIGHTLY, 2020, false);

		// then
		assertThat(failed).isEqualTo(1);
		assertThat(resumed).isZero();
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.ACCEPTED);
	}

	@Test
	void aRegistryNameWithPathsInItNeverWritesOutsideTheOutputFolder() throws IOException {
		// given
		Path registry = INPUT.resolve("townships.csv");
		Files.writeString(registry, Files.readString(registry, StandardCharsets.UTF_8)
			.replace("410999000000,测试市,", "410999000000,../../越界/测试市,"), StandardCharsets.UTF_8);

		// when
		int exit = runner.run(JobNames.NIGHTLY, 2020, false);

		// then
		assertThat(exit).isZero();
		try (var files = Files.list(HOME.resolve("output/2020"))) {
			assertThat(files.map(p -> p.getFileName().toString()).toList())
				.contains("410999000000_越界_测试市_2020.csv");
		}
		assertThat(HOME.resolve("越界")).doesNotExist();
		assertThat(HOME.resolve("output/越界")).doesNotExist();
		assertThat(HOME.getParent().resolve("越界")).doesNotExist();
	}

	@Test
	void whatAnOlderReaderReadIsReadAgainAndJudgedAgain() throws IOException {
		// given: 丁乡's file was received and read by an older release (another reader fingerprint), which
		// read its count of new applications as 0
		send(dingxiang());
		assertThat(runner.run(JobNames.NIGHTLY, 2020, false)).isZero();
		String file = DINGXIANG_FILE.getFileName().toString();
		jdbc.update("UPDATE received_file SET reader_fingerprint = ? WHERE file_name = ?", "0".repeat(64), file);
		var old = reading(DINGXIANG_FILE);
		var cells = new java.util.LinkedHashMap<>(old.cells());
		var c = cells.get("T3.r1.np");
		cells.put("T3.r1.np", new township.rollup.submission.Cell(c.code(), c.line(), "0", c.kind(), BigDecimal.ZERO));
		var older = new township.rollup.submission.ParsedSubmission(old.fileName(), old.encoding(), old.meta(),
				old.formatId(), cells, old.narrative(), old.notes(), old.metaLines());
		jdbc.update("UPDATE received_file SET reading = ?, numbers = NULL WHERE file_name = ?",
				township.rollup.submission.Readings.encode(older), file);

		// when: the same inbox again
		int exit = runner.run(JobNames.NIGHTLY, 2020, true);

		// then: read again by this release, and the version judged on what it read now
		assertThat(exit).isZero();
		assertThat(jdbc.queryForObject("SELECT reader_fingerprint FROM received_file WHERE file_name = ?", String.class,
				file)).isEqualTo(township.rollup.ingest.ReaderFingerprint.value());
		assertThat(reading(DINGXIANG_FILE).cells().get("T3.r1.np").value()).isEqualByComparingTo("1");
		assertThat(dingxiangLine().status()).isEqualTo(UnitStatus.ACCEPTED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE unit_code = ?", Integer.class, DINGXIANG))
			.isEqualTo(1);
	}

}

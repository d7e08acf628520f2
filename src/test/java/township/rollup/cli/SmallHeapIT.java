package township.rollup.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.generate.Generator;
import township.rollup.reportformat.ReportFormats;
import township.rollup.support.AlsoOnPostgresql;
import township.rollup.support.CsvFile;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year whose every file carries dozens of findings (a template with the row codes where the labels go,
 * warnings of several rules), run by jobs/rollup in a JVM with a small heap: the run completes, every
 * finding the generator put in is in findings.csv, and the workbook stays a valid submission: its
 * findings sheet stops within the reader's row limit and says that all of them are in findings.csv. Memory grows with a page of units, not with the year (the nation's case: 40,000 files and
 * 1.4 million findings under jobs/rollup's 512 MB). Run on HSQLDB and again on PostgreSQL.
 */
// on PostgreSQL too: its driver reads a whole result into memory unless a query is paged or fetched in
// batches, so the year walks' memory is proven on each database
@AlsoOnPostgresql
class SmallHeapIT {

	/** Reporting units, each with one file of about 36 findings. */
	static final int UNITS = 1200;

	/** The rows a sheet of a submission workbook may have (the reader's limit, WorkbookFormat.MAX_ROWS). */
	static final int SHEET_LIMIT = 2000;

	@TempDir
	Path root;

	@Test
	void aYearOfManyFindingsRunsInASmallHeapAndEveryFindingIsInFindingsCsv() throws Exception {
		// given files with their labels off, and what the generator put in each
		Path input = root.resolve("input");
		new Generator(new Generator.Spec(UNITS, 11, 0, 0, 0, false, "2019", List.of("utf8"), 2020, true),
				ReportFormats.standard().get("2019"), input).generate();
		Map<String, Long> put = new HashMap<>();
		long labelFiles = 0;
		long labelFindings = 0;
		for (Map<String, String> row : CsvFile.rows(input.resolve("expected/findings.csv"))) {
			long count = Long.parseLong(row.get("count"));
			put.merge(row.get("unit_code") + " " + row.get("rule"), count, Long::sum);
			if (row.get("rule").equals("ROW-LABEL")) {
				labelFiles++;
				labelFindings += count;
			}
		}
		assertThat(labelFiles).isEqualTo(UNITS);

		// when a nightly runs with a heap far below what the year's findings would take at once
		RollupProcess.Installation installation = new RollupProcess.Installation(root, input);
		Map<String, String> env = new HashMap<>(installation.environment());
		env.put("JAVA_OPTS", "-Xmx96m");
		env.put("ROLLUP_FEEDBACK_PAGES", "none");
		RollupProcess.Result run = RollupProcess.run(env, "nightly", "--year", "2020");

		// then it completes, and says first that one rule is on every file
		assertThat(run.exit()).as(run.all()).isZero();
		assertThat(run.out()).contains(String.format(java.util.Locale.ROOT, "ROW-LABEL：%,d 个文件，%,d 处", labelFiles,
				labelFindings));
		// every warning put in is in findings.csv, unit by unit and rule by rule, and nothing else but infos
		Path out = installation.outputDir().resolve("2020");
		List<Map<String, String>> findings = CsvFile.rows(out.resolve("findings.csv"));
		Map<String, Long> found = new HashMap<>();
		findings.stream()
			.filter(f -> !f.get("severity").equals("INFO"))
			.forEach(f -> found.merge(f.get("区划代码(unit_code)") + " " + f.get("规则(rule)"), 1L, Long::sum));
		assertThat(found).isEqualTo(put);
		// the workbook lists the first ones within the sheet limit and the reader's 1 MiB, then says how many
		// there are and where they all are
		Path workbook = out.resolve(workbookName(out));
		assertThat(java.nio.file.Files.size(workbook)).isLessThanOrEqualTo(1024 * 1024);
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(workbook.toFile())) {
			var sheet = wb.getSheet("审核结果");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getLastRowNum() + 1).isLessThanOrEqualTo(SHEET_LIMIT);
			// a title, a blank line and the header, then one row a finding, then the last line
			int listed = sheet.getLastRowNum() - 3;
			assertThat(listed).isPositive();
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
				.isEqualTo("本表列出前 " + listed + " 行，共 " + findings.size() + " 行，全部见 findings.csv。");
		}
	}

	private static String workbookName(Path out) throws java.io.IOException {
		try (var files = java.nio.file.Files.list(out)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).findFirst().orElseThrow();
		}
	}

}

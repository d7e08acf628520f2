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
import township.rollup.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year whose every file carries dozens of findings (a template with the row codes where the labels go,
 * warnings of several rules), run by jobs/rollup in a JVM with a small heap: the run completes, every
 * finding the generator put in is in findings.csv, and the workbook stays a valid submission: its
 * findings sheet stops within the reader's row limit and says that all of them are in findings.csv. The
 * findings are walked a page at a time, never the year's at once (the nation's case: 40,000 files and 1.4
 * million findings under jobs/rollup's 512 MB). Run on HSQLDB and again on PostgreSQL, each with a heap in
 * which the code before the paged walks fails on these files.
 */
// on PostgreSQL too: its driver reads a whole result into memory unless a query is paged or fetched in
// batches, so the year walks' memory is proven on each database
@AlsoOnPostgresql
class SmallHeapIT {

	/**
	 * Reporting units, each with one file of about 36 findings (107,136 put in): enough that this test fails
	 * on code that holds a year's findings in memory. At 1,200 files it passed on a2a5397 (the code before
	 * the year walks were paged and before the assess reader fetched a chunk at a time), so it proved nothing.
	 * What it costs (2026-12-06, {@code ROLLUP_FAST=0 mvn -B -o verify -Dtest=NONE -Dit.test=SmallHeapIT}, two
	 * cores at load 8 to 11 from other builds): 93 s on HSQLDB, 52 s on PostgreSQL (a nightly of these files on
	 * HSQLDB alone, with the Java 25 fast start: 60 s, 37 s of CPU). With the fast start, the first run of a
	 * new jar also trains its cache.
	 */
	static final int UNITS = 3000;

	/**
	 * The run's heap on HSQLDB: far below what the year's findings take at once, with room above what a page,
	 * the registry and the database's own row cache take (an in-process HSQLDB keeps its cache, 10 MB by its
	 * own reckoning, in this heap: measured, 15 MB more than PostgreSQL in every step). Measured 2026-12-06
	 * with the files of {@code jobs/rollup generate --units 3000 --seed 11 --labels-off --encodings utf8
	 * --format 2019 --out IN} (the files this test makes), a nightly on a fresh database with {@code
	 * ROLLUP_FEEDBACK_PAGES=none} and {@code JAVA_OPTS="-Xmx96m -Xlog:gc:file=gc.log"}, the most heap live
	 * after a full collection read from gc.log:
	 * <ul>
	 * <li>a2a5397: exit 1, Java heap space in the publish step (the year's findings; 89 MB of 92 MB live);</li>
	 * <li>this code: exit 0, at most 65 MB live (publish; assess 47 MB, where a2a5397 needed 76 MB).</li>
	 * </ul>
	 */
	static final String HEAP_HSQLDB = "-Xmx96m";

	/**
	 * The run's heap on PostgreSQL, the same files and measurement with {@code -Xmx72m}:
	 * <ul>
	 * <li>a2a5397: exit 1, Java heap space in the summary's walk over the findings (outside a transaction the
	 * driver reads a whole result whatever the fetch size), 67 MB live in publish;</li>
	 * <li>this code: exit 0, at most 55 MB live (publish: the workbook's capped sheets, the report page's
	 * capped findings, the board).</li>
	 * </ul>
	 * At {@code -Xmx96m} a2a5397 passes on PostgreSQL (at most 69 MB live), so this heap is lower than
	 * HSQLDB's; at {@code -Xmx64m} this code passes with 123 full collections in publish, too close.
	 */
	static final String HEAP_POSTGRESQL = "-Xmx72m";

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
		env.put("JAVA_OPTS", TestDatabase.postgres() ? HEAP_POSTGRESQL : HEAP_HSQLDB);
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

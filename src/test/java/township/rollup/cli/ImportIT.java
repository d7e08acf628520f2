package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import township.rollup.support.ReportGrid;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jobs/rollup import} through the real wrapper: the seed (the published 2020 report of 邙岭镇)
 * imported into an inbox, then {@code nightly}, which must accept 邙岭镇 with the seed's numbers, the
 * numbers of the sample submission input/2020/410381114000_邙岭镇_2020.csv. The import runs while another
 * run holds the lock and creates no database: it never touches one.
 */
class ImportIT {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures/importer");

	static final Path SEED = FIXTURES.resolve("seed-000_c8d30c2eb8575ca5.txt");

	static final Path SAMPLE = Path.of("input/2020/410381114000_邙岭镇_2020.csv");

	@TempDir
	Path root;

	/** The sample registry (偃师市 and its 18 townships) with an empty 2020 inbox. */
	RollupProcess.Installation city() throws IOException {
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.copy(Path.of("input/townships.csv"), input.resolve("townships.csv"));
		return new RollupProcess.Installation(root, input);
	}

	@Test
	void theSeedImportedIntoTheInboxIsAcceptedByNightlyWithTheSeedsNumbers() throws Exception {
		// given: another run holds the wrapper's lock
		RollupProcess.Installation city = city();
		Map<String, String> env = new HashMap<>(city.environment());
		Path lock = root.resolve("locks/rollup.lock");
		Files.createDirectories(lock.getParent());
		env.put("ROLLUP_LOCK_FILE", lock.toString());
		Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "60").start();
		Path inbox = city.inputDir().resolve("2020");
		RollupProcess.Result imported;
		try {
			waitUntilLocked(lock);

			// when
			imported = RollupProcess.run(env, "import", "--year", "2020", "--township", "邙岭镇", "--out",
					inbox.toString(), SEED.toAbsolutePath().toString());
		}
		finally {
			// flock hands the lock to its child: end the sleep too
			holder.descendants().forEach(ProcessHandle::destroy);
			holder.destroy();
			holder.waitFor(10, TimeUnit.SECONDS);
		}

		// then: complete, without the lock and without a database
		assertThat(imported.exit()).as(imported.all()).isZero();
		assertThat(imported.out()).contains("导入公开年报：seed-000_c8d30c2eb8575ca5.txt（文本，UTF-8）→ 邙岭镇（410381114000）2020 年度")
			.contains("报表格式：2019，依据表中只属于该格式的标签：“本年新制作数量”（表二，第 18 行，2019）")
			.contains("单元格：198 个中找到 198 个")
			.contains("表二：8 行中找到 8 行")
			.contains("表三：23 行中找到 23 行")
			.contains("表四：1 行中找到 1 行")
			.contains("总体情况中的数字：找到 6 个（NARR.proactive_items 392，");
		assertThat(city.dataDir()).as("import never opens the database").doesNotExist();
		Path submission = inbox.resolve("410381114000_邙岭镇_2020.csv");
		try (var files = Files.list(inbox)) {
			assertThat(files.toList()).as("only the submission goes into the inbox").containsExactly(submission);
		}
		assertThat(city.outputDir().resolve("imports/2020/410381114000_邙岭镇_2020.import.csv")).exists();
		Map<String, String> sample = ReportGrid.read2019(SAMPLE);
		Map<String, String> written = ReportGrid.read2019(submission);
		assertThat(written).containsAllEntriesOf(sample);

		// when: the nightly run reads the inbox
		RollupProcess.Result nightly = RollupProcess.run(city, "nightly", "--year", "2020");

		// then: 邙岭镇 accepted, and the city total (one township) is the seed's numbers
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		assertThat(nightly.out()).contains("乡镇（街道）18 个：已采纳 1，未通过审核 0，未报送 17")
			.contains("审核问题：无错误、无警告");
		String status = Files.readString(city.outputDir().resolve("2020/status.csv"), StandardCharsets.UTF_8);
		assertThat(status.lines().filter(l -> l.startsWith("410381114000,邙岭镇,")).findFirst().orElseThrow())
			.contains(",邙岭镇,已采纳,accepted,");
		Map<String, String> total = ReportGrid.read2019(city.outputDir().resolve("2020/410381000000_偃师市_2020.csv"));
		sample.forEach((code, value) -> {
			if (code.startsWith("T") || code.startsWith("NARR.")) {
				assertThat(total.get(code)).as(code).isEqualTo(value);
			}
		});
	}

	@Test
	void aReportCutOffPartWayExitsThreeSaysWhereItStopsAndLeavesTheRestBlank() throws IOException {
		// given: a unit that is not in the registry
		RollupProcess.Installation city = city();

		// when
		RollupProcess.Result result = RollupProcess.run(city, "import", "--year", "2020", "--unit-code", "410999101000",
				"--unit-name", "测试镇", FIXTURES.resolve("table-cut-off.txt").toAbsolutePath().toString());

		// then
		assertThat(result.exit()).as(result.all()).isEqualTo(3);
		assertThat(result.out()).contains("表三：23 行中找到 9 行，自第 10 行起缺失")
			.contains("表四：文本中没有标题“四、政府信息公开行政复议、行政诉讼情况”")
			.contains("T3.r3_3_6（6.属于四类过程性信息）：未找到——文本在该行或该行之前结束，可能不完整（第 44 行）")
			.contains("注意：文本在一行中间结束，页面可能不完整。")
			.contains("结果不完整（退出码 3）");
		Path submission = city.outputDir().resolve("imports/2020/410999101000_测试镇_2020.csv");
		List<String> lines = Files.readAllLines(submission, StandardCharsets.UTF_8);
		assertThat(lines).contains("T3.r3_3_5,5.属于三类内部事务信息,91,92,93,94,95,96,97")
			.contains("T3.r3_3_6,6.属于四类过程性信息,,,,,,,")
			.contains("T4,政府信息公开行政复议、行政诉讼情况,,,,,,,,,,,,,,,");
		String record = Files.readString(city.outputDir().resolve("imports/2020/410999101000_测试镇_2020.import.csv"),
				StandardCharsets.UTF_8);
		assertThat(record).contains("T3.r3_3_6.np,表三,6.属于四类过程性信息,自然人,NOT_FOUND,,44,TEXT_ENDS,")
			.contains("T3.r3_3_5.tot,表三,5.属于三类内部事务信息,总计,VALUE,97,43,IN_ORDER,");
	}

	@Test
	void englishAndUsageErrors() throws IOException {
		RollupProcess.Installation city = city();
		String seed = SEED.toAbsolutePath().toString();

		RollupProcess.Result english = RollupProcess.run(city, "import", "--year", "2020", "--township", "410381114000",
				"--lang", "en", seed);
		assertThat(english.exit()).as(english.all()).isZero();
		assertThat(english.out()).contains("Report format: 2019, shown by labels only that format has")
			.contains("Table 3: 23 of 23 rows found")
			.contains("Complete: every cell was found as a number.");

		RollupProcess.Result unknown = RollupProcess.run(city, "import", "--year", "2020", "--township", "无此镇", seed);
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("登记表中没有单位 无此镇");
		RollupProcess.Result format = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇",
				"--format", "2022", seed);
		assertThat(format.exit()).isEqualTo(2);
		assertThat(format.err()).contains("--format 2022：未知的报表格式，可选 2019、2021");
		RollupProcess.Result missing = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇",
				root.resolve("no-such.txt").toString());
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("文件不存在");
		RollupProcess.Result both = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇",
				"--unit-code", "410999101000", "--unit-name", "测试镇", seed);
		assertThat(both.exit()).isEqualTo(2);
		RollupProcess.Result noYear = RollupProcess.run(city, "import", "--township", "邙岭镇", seed);
		assertThat(noYear.exit()).isEqualTo(2);
		Path binary = root.resolve("report.html");
		Files.write(binary, new byte[] { (byte) 0xFF, (byte) 0xFE, 0x41, 0x00 });
		RollupProcess.Result utf16 = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇",
				binary.toString());
		assertThat(utf16.exit()).isEqualTo(2);
		assertThat(utf16.err()).contains("不是文本：UTF-16 文本");
		assertThat(city.dataDir()).doesNotExist();
	}

	@Test
	void aPdfIsReadFromItsTextLayerAScanWritesNothingAndALockedOneIsRefused() throws IOException {
		// given
		RollupProcess.Installation city = city();
		Path pdfs = FIXTURES.resolve("pdf").toAbsolutePath();
		Path out = root.resolve("imports");

		// when: a 2019-format report printed to PDF
		RollupProcess.Result pdf = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇", "--out",
				out.toString(), pdfs.resolve("pdf-2019-ruled-split.pdf").toString());

		// then: every cell found
		assertThat(pdf.exit()).as(pdf.all()).isZero();
		assertThat(pdf.out()).contains("pdf-2019-ruled-split.pdf（PDF，3 页）")
			.contains("单元格：198 个中找到 198 个")
			.contains("表三：23 行中找到 23 行");
		assertThat(out.resolve("410381114000_邙岭镇_2020.csv")).exists();

		// when: a scan, with no text layer
		Path scanOut = root.resolve("scan");
		RollupProcess.Result scan = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇",
				"--out", scanOut.toString(), "--lang", "en", pdfs.resolve("pdf-scan-image-only.pdf").toString());

		// then: exit 3, a clear message, nothing written
		assertThat(scan.exit()).as(scan.all()).isEqualTo(3);
		assertThat(scan.out()).contains("has no text layer on its 1 page(s): a scan").contains("no OCR");
		assertThat(scanOut).doesNotExist();

		// when: a PDF that needs a password to open
		RollupProcess.Result locked = RollupProcess.run(city, "import", "--year", "2020", "--township", "邙岭镇",
				"--out", scanOut.toString(), pdfs.resolve("pdf-password-to-open.pdf").toString());

		// then
		assertThat(locked.exit()).as(locked.all()).isEqualTo(2);
		assertThat(locked.all()).contains("需要密码才能打开");
		assertThat(scanOut).doesNotExist();
	}

	private static void waitUntilLocked(Path lock) throws Exception {
		for (int i = 0; i < 100; i++) {
			Process probe = new ProcessBuilder("flock", "-n", lock.toString(), "true").start();
			if (probe.waitFor() != 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("the lock holder did not take " + lock);
	}

}

package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import township.rollup.support.CsvFile;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Through the real wrapper: nothing in the inbox is passed over in silence, and a registry mistake is a
 * configuration error with its file and line.
 */
class InboxEntriesIT {

	@TempDir
	Path root;

	@Test
	void aFolderAPipeAndALinkInTheInboxAreAllReportedAndTheRunCompletes() throws Exception {
		// given: a folder with a file one level too deep, a named pipe (opening it would block), a link
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(OperationsIT.CITY_A, input);
		Path inbox = input.resolve("2020");
		Files.createDirectories(inbox.resolve("旧版"));
		Files.copy(inbox.resolve("410999102000_乙镇_2020.csv"), inbox.resolve("旧版/410999102000_乙镇_2020.csv"));
		assertThat(new ProcessBuilder("mkfifo", inbox.resolve("410999104000_丁乡_2020.csv").toString()).start().waitFor())
			.isZero();
		Files.createSymbolicLink(inbox.resolve("链接.csv"), Path.of("/etc/passwd"));
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);

		// when
		RollupProcess.Result run = RollupProcess.run(city, "nightly", "--year", "2020");

		// then
		assertThat(run.exit()).as(run.all()).isZero();
		assertThat(run.out()).contains("收件目录中的子目录不会读取，其中的文件不算报送：旧版/")
			.contains("未通过审核：丙街道（错误 2），丁乡（错误 1）");
		String findings = Files.readString(city.outputDir().resolve("2020/findings.csv"), StandardCharsets.UTF_8);
		assertThat(findings).contains("FILE-SPECIAL").contains("不是普通文件（命名管道（FIFO））")
			.contains("FILE-LINK").contains("是一个符号链接（指向 /etc/passwd）").doesNotContain("root:x:0");
	}

	@Test
	void aSealedScanNamedLikeItsTownshipAndThumbsDbAreListedAsNotReportsAndTheTownshipIsAccepted() throws Exception {
		// given: 甲镇's sealed PDF scan beside its CSV, named like it; Windows' Thumbs.db, an OLE file (.xls magic)
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(OperationsIT.CITY_A, input);
		Path inbox = input.resolve("2020");
		Files.write(inbox.resolve("410999101000_甲镇_2020_盖章.pdf"),
				"%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
		Files.write(inbox.resolve("Thumbs.db"), new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
				(byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0 });
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);

		// when
		RollupProcess.Result run = RollupProcess.run(city, "nightly", "--year", "2020");

		// then: 甲镇 stands on its CSV alone
		assertThat(run.exit()).as(run.all()).isZero();
		Path out = city.outputDir().resolve("2020");
		assertThat(CsvFile.rows(out.resolve("status.csv")))
			.filteredOn(r -> r.get("区划代码(unit_code)").equals("410999101000"))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.get("status")).isEqualTo("accepted");
				assertThat(r.get("文件(file)")).isEqualTo("410999101000_甲镇_2020.csv");
			});
		assertThat(CsvFile.rows(out.resolve("status.csv"))).hasSize(4);
		// each file once, as a notice of no unit, in a clerk's words
		List<Map<String, String>> findings = CsvFile.rows(out.resolve("findings.csv"));
		assertThat(findings).filteredOn(r -> r.get("规则(rule)").equals("FILE-NOT-SUBMISSION"))
			.extracting(r -> r.get("文件(file)"), r -> r.get("区划代码(unit_code)"), r -> r.get("severity"),
					r -> r.get("说明"))
			.containsExactlyInAnyOrder(
					tuple("410999101000_甲镇_2020_盖章.pdf", "", "INFO",
							"收件目录中的文件“410999101000_甲镇_2020_盖章.pdf”不是报表（PDF 文档），未作为报送文件处理；报表请以 .csv 或 .xlsx 报送。盖章扫描件等附件无需放入收件目录。"),
					tuple("Thumbs.db", "", "INFO",
							"收件目录中的文件“Thumbs.db”不是报表（操作系统自动生成的文件），未作为报送文件处理；报表请以 .csv 或 .xlsx 报送。盖章扫描件等附件无需放入收件目录。"));
		assertThat(findings).extracting(r -> r.get("规则(rule)"))
			.doesNotContain("FILE-DUPLICATE", "FILE-XLS", "FILE-NOT-CSV", "FILE-UNATTRIBUTED");
		assertThat(Files.readString(out.resolve("findings.csv"), StandardCharsets.UTF_8)).doesNotContain("97-2003");
		// one line in the summary and one on the report's board
		assertThat(run.out()).contains("  收件目录中不是报表的文件 2 个：PDF 1，其他 1\n");
		Document report = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
		assertThat(report.select("#boards p.not-submissions").eachText())
			.containsExactly("收件目录中不是报表的文件 2 个：PDF 1，其他 1。文件名单见 findings.csv（规则 FILE-NOT-SUBMISSION）。");
	}

	/** A raw control character: C0 (line breaks and tab included), DEL, C1. */
	private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");

	@Test
	void aFileNameWithControlCharactersIsShownWithTheirPicturesInEveryOutput() throws Exception {
		// given: 丙街道's file (rejected, 2 errors) with a line feed and a tab in its name, 甲镇's (accepted) with a
		// carriage return, a C1 control and a bell; a scan with a line feed, which is no submission
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(OperationsIT.CITY_A, input);
		Path inbox = input.resolve("2020");
		Files.move(inbox.resolve("410999103000_丙街道_2020.csv"), inbox.resolve("410999103000_丙\n街道\t_2020.csv"));
		Files.move(inbox.resolve("410999101000_甲镇_2020.csv"), inbox.resolve("410999101000_甲\r镇\u0085\u0007_2020.csv"));
		Files.write(inbox.resolve("盖章\n扫描件.pdf"), "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);
		String bing = "410999103000_丙␊街道␉_2020.csv";
		String jia = "410999101000_甲␍镇\uFFFD␇_2020.csv";
		String scan = "盖章␊扫描件.pdf";

		// when
		RollupProcess.Result run = RollupProcess.run(city, "nightly", "--year", "2020");

		// then: the run reads both files as their townships'
		assertThat(run.exit()).as(run.all()).isZero();
		Path out = city.outputDir().resolve("2020");
		// status.csv and findings.csv, read by a CSV parser: no field holds a control character
		List<Map<String, String>> status = CsvFile.rows(out.resolve("status.csv"));
		assertThat(status).extracting(r -> r.get("文件(file)")).contains(bing, jia);
		assertThat(status).extracting(r -> r.get("status")).containsExactly("accepted", "accepted", "rejected", "missing");
		assertThat(CsvFile.lines(out.resolve("status.csv"))).allSatisfy(row -> assertThat(row).noneMatch(hasRawControl()));
		List<Map<String, String>> findings = CsvFile.rows(out.resolve("findings.csv"));
		assertThat(findings).extracting(r -> r.get("文件(file)")).contains(bing, scan).doesNotContain("");
		assertThat(findings).filteredOn(r -> r.get("规则(rule)").equals("FILE-NOT-SUBMISSION"))
			.singleElement()
			.satisfies(r -> assertThat(r.get("说明")).startsWith("收件目录中的文件“" + scan + "”不是报表（PDF 文档）"));
		assertThat(CsvFile.lines(out.resolve("findings.csv"))).allSatisfy(row -> assertThat(row).noneMatch(hasRawControl()));
		// report.html: the board's file cells and every finding's file, as written (whole text, not normalized)
		String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("丙\n街道", "街道\t_", "甲\r镇", "\u0085", "\u0007", "盖章\n");
		Document report = Jsoup.parse(html);
		List<String> cells = report.select("#boards td.file").stream().map(e -> e.wholeText()).toList();
		assertThat(cells).contains(bing, jia).noneMatch(hasRawControl());
		assertThat(report.body().wholeText()).contains(bing);
		// 丙街道's feedback page
		Path page;
		try (var pages = Files.list(out.resolve("feedback"))) {
			page = pages.filter(p -> p.getFileName().toString().startsWith("410999103000")).findFirst().orElseThrow();
		}
		String feedback = Files.readString(page, StandardCharsets.UTF_8);
		assertThat(feedback).doesNotContain("丙\n街道", "街道\t_");
		assertThat(Jsoup.parse(feedback).select("dd").stream().map(e -> e.wholeText()).toList()).contains(bing)
			.noneMatch(hasRawControl());
		// the workbook: every text cell of every sheet
		Path workbook;
		try (var files = Files.list(out)) {
			workbook = files.filter(p -> p.getFileName().toString().endsWith(".xlsx")).findFirst().orElseThrow();
		}
		List<String> texts = new java.util.ArrayList<>();
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(workbook.toFile())) {
			wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
				if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			})));
		}
		assertThat(texts).contains(bing, jia).noneMatch(hasRawControl());
		// the console: 丙街道's errors are among the top findings, each on its own line
		assertThat(run.out()).contains("[错误] ").contains(bing).doesNotContain("丙\n街道", "街道\t_");
		assertThat(run.out().lines().filter(l -> l.contains("[错误]"))).allMatch(l -> l.contains(bing))
			.allSatisfy(l -> assertThat(CONTROL.matcher(l).find()).as(l).isFalse());
	}

	private static java.util.function.Predicate<String> hasRawControl() {
		return text -> CONTROL.matcher(text).find();
	}

	@Test
	void aRegistryMistakeIsExitTwoWithItsFileAndLine() throws IOException {
		// given: the third line's code has 11 digits
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(OperationsIT.CITY_A, input);
		Path registry = input.resolve("townships.csv");
		Files.writeString(registry, Files.readString(registry, StandardCharsets.UTF_8).replace("410999101000,", "41099910100,"),
				StandardCharsets.UTF_8);
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);

		// when
		RollupProcess.Result run = RollupProcess.run(city, "nightly", "--year", "2020");

		// then
		assertThat(run.exit()).as(run.all()).isEqualTo(2);
		assertThat(run.err()).contains("townships.csv line 3").contains("41099910100").doesNotContain("Exception");
	}

}

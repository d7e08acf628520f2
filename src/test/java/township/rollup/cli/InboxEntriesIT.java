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
			.contains("已退回：丙街道（错误 2），丁乡（错误 1）");
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

package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

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

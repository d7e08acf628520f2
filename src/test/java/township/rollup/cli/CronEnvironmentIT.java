package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jobs/rollup as cron starts it: {@code env -i} with PATH and HOME only, no LANG and no LC_ALL, so the
 * POSIX locale, where Java cannot map Chinese file names (the publish step failed with
 * "InvalidPathException: Malformed input or input contains unmappable characters" every night).
 */
class CronEnvironmentIT {

	@TempDir
	Path root;

	Map<String, String> cron(Path input, String path) {
		// what a crontab line sets: where things are, nothing about the locale
		Map<String, String> env = new HashMap<>(new RollupProcess.Installation(root, input).environment());
		env.keySet().removeIf(k -> k.startsWith("LANG") || k.startsWith("LC_"));
		env.put("PATH", path);
		env.put("HOME", "/nonexistent");
		return env;
	}

	@Test
	void aNightlyWithChineseNamesUnderCronsBareEnvironmentReadsAndWritesEveryName() throws IOException {
		// given: the sample inbox (file names in Chinese, one with no code at all) and a registry in Chinese
		Path input = root.resolve("收件");
		FileSystemUtils.copyRecursively(Path.of("input"), input);

		// when
		RollupProcess.Result run = RollupProcess.runIsolated(cron(input, "/usr/bin:/bin"), "nightly", "--year", "2020");

		// then
		assertThat(run.exit()).as(run.all()).isZero();
		assertThat(run.out()).contains("乡镇（街道）18 个：已采纳 16，未通过审核 1，未报送 1");
		Path out = root.resolve("output/2020");
		assertThat(out.resolve("410381000000_偃师市_2020.csv")).exists();
		assertThat(out.resolve("410381000000_偃师市_2020.xlsx")).exists();
		assertThat(out.resolve("report.html")).exists();
		String status = Files.readString(out.resolve("status.csv"), StandardCharsets.UTF_8);
		try (var files = Files.list(input.resolve("2020"))) {
			files.forEach(f -> assertThat(status).as("status.csv names " + f.getFileName())
				.contains(f.getFileName().toString()));
		}
		assertThat(status).contains("缑氏镇2020年政府信息公开年报.csv").contains("山化镇");
		assertThat(Files.readString(root.resolve("logs/runs.log"), StandardCharsets.UTF_8))
			.containsPattern("command=nightly year=2020 exit=0 status=COMPLETED .*locale=C\\.(UTF-8|utf8)");
	}

	@Test
	void aMachineWithoutAnyUtf8LocaleIsToldHowToInstallOneAndNothingRuns() throws IOException {
		// given: a locale command that knows only C and POSIX, as on a minimal server
		Path bin = Files.createDirectories(root.resolve("bin"));
		Path locale = bin.resolve("locale");
		Files.writeString(locale, "#!/bin/sh\ncase \"$1\" in charmap) echo ANSI_X3.4-1968 ;; -a) printf 'C\\nPOSIX\\n' ;; esac\n");
		Files.setPosixFilePermissions(locale, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path input = root.resolve("input");
		FileSystemUtils.copyRecursively(Path.of("input"), input);

		// when
		RollupProcess.Result run = RollupProcess.runIsolated(cron(input, bin + ":/usr/bin:/bin"), "nightly", "--year",
				"2020");

		// then
		assertThat(run.exit()).as(run.all()).isEqualTo(2);
		assertThat(run.err()).contains("本机没有 UTF-8 区域设置").contains("apt-get install locales")
			.contains("no UTF-8 locale");
		assertThat(root.resolve("output/2020")).doesNotExist();
		assertThat(Files.readString(root.resolve("logs/runs.log"), StandardCharsets.UTF_8))
			.contains("command=nightly year=2020 exit=2 status=USAGE");
	}

}

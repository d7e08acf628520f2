package township.rollup.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import township.rollup.support.CsvFile;
import township.rollup.support.RollupProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk's instant {@code check} says exactly what the night will: for every file of a corpus (the
 * sample city's inbox, a sealed PDF named like a township, and the ingest fixtures of every defect, each
 * made the file of a unit of its own), the verdict and the findings (rule, severity, line, cell) that
 * {@code check --year 2020 --format json} gives (the year the clerk reports for, as the inbox folder is the
 * nightly's) equal those of the nightly run with the same files in the inbox, as
 * {@code status.csv} and {@code findings.csv} record them. Both go through one assessment of a file.
 */
class CheckAgreesWithNightlyIT {

	static final Path INGEST = Path.of("src/test/resources/fixtures/ingest");

	@TempDir
	Path root;

	@Test
	void theSampleInboxAndASealedScan() throws IOException {
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.copy(Path.of("input/townships.csv"), input.resolve("townships.csv"));
		try (Stream<Path> files = Files.list(Path.of("input/2020"))) {
			for (Path file : files.toList()) {
				Files.copy(file, input.resolve("2020").resolve(file.getFileName()));
			}
		}
		Files.write(input.resolve("2020/410381113000_山化镇_2020_盖章.pdf"), "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(
				StandardCharsets.ISO_8859_1));
		bothAgree(input, 18);
	}

	@Test
	void everyDefectFixtureAsTheFileOfAUnit() throws IOException {
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve("2020"));
		Files.copy(Path.of("input/townships.csv"), input.resolve("townships.csv"));
		List<String[]> units = CsvFile.rows(Path.of("input/townships.csv"))
			.stream()
			.filter(r -> !r.get("parent").isBlank())
			.map(r -> new String[] { r.get("code"), r.get("name") })
			.toList();
		List<Path> fixtures;
		try (Stream<Path> files = Files.list(INGEST)) {
			fixtures = files.filter(f -> f.getFileName().toString().endsWith(".csv"))
				.filter(f -> !f.getFileName().toString().equals("cases.csv"))
				.sorted()
				.limit(units.size())
				.toList();
		}
		assertThat(fixtures).hasSizeGreaterThan(15);
		for (int i = 0; i < fixtures.size(); i++) {
			String code = units.get(i)[0];
			String name = units.get(i)[1];
			byte[] bytes = Files.readAllBytes(fixtures.get(i));
			// the fixture's own unit (邙岭镇) becomes this unit, in the file's own encoding
			bytes = township.rollup.support.Bytes.replace(bytes, "410381114000".getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
			for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
				bytes = township.rollup.support.Bytes.replace(bytes, "邙岭镇".getBytes(charset), name.getBytes(charset));
			}
			Files.write(input.resolve("2020").resolve(code + "_" + name + "_2020.csv"), bytes);
		}
		bothAgree(input, fixtures.size());
	}

	void bothAgree(Path input, int files) throws IOException {
		RollupProcess.Installation city = new RollupProcess.Installation(root, input);
		RollupProcess.Result nightly = RollupProcess.run(city, "nightly", "--year", "2020");
		assertThat(nightly.exit()).as(nightly.all()).isZero();
		List<String> paths = new ArrayList<>(List.of("check", "--year", "2020", "--format", "json"));
		try (Stream<Path> inbox = Files.list(input.resolve("2020"))) {
			inbox.sorted().forEach(p -> paths.add(p.toString()));
		}
		RollupProcess.Result check = RollupProcess.run(city, paths.toArray(String[]::new));
		assertThat(check.exit()).as(check.err()).isIn(0, 1);

		// the nightly's verdicts and findings per file
		Path out = city.outputDir().resolve("2020");
		Map<String, String> nightVerdicts = new TreeMap<>();
		for (Map<String, String> row : CsvFile.rows(out.resolve("status.csv"))) {
			if (!row.get("文件(file)").isBlank()) {
				nightVerdicts.put(row.get("文件(file)"), row.get("status").toUpperCase(java.util.Locale.ROOT));
			}
		}
		Map<String, Set<String>> nightFindings = new TreeMap<>();
		for (Map<String, String> row : CsvFile.rows(out.resolve("findings.csv"))) {
			nightFindings.computeIfAbsent(row.get("文件(file)"), k -> new TreeSet<>())
				.add(key(row.get("规则(rule)"), row.get("severity"), row.get("行号(line)"), row.get("位置(address)")));
		}

		// check's, file by file
		JsonNode result = JsonMapper.builder().build().readTree(check.out());
		Map<String, String> checkVerdicts = new TreeMap<>();
		Map<String, Set<String>> checkFindings = new TreeMap<>();
		for (JsonNode file : result.get("files")) {
			String name = file.get("fileName").asString();
			checkVerdicts.put(name, file.get("verdict").asString());
			Set<String> keys = checkFindings.computeIfAbsent(name, k -> new TreeSet<>());
			for (JsonNode f : file.get("findings")) {
				keys.add(key(f.get("rule").asString(), f.get("severity").asString(),
						f.get("line").isNull() ? "" : f.get("line").asString(),
						f.get("address").isNull() ? "" : f.get("address").asString()));
			}
		}
		checkFindings.values().removeIf(Set::isEmpty);

		assertThat(checkVerdicts).as("every file checked").hasSize(files);
		for (Map.Entry<String, String> verdict : checkVerdicts.entrySet()) {
			String name = verdict.getKey();
			if (nightVerdicts.containsKey(name)) {
				// the night's "accepted"/"rejected" is check's ACCEPTED/REJECTED
				assertThat(verdict.getValue()).as(name).isEqualTo(nightVerdicts.get(name));
			}
			else {
				// no unit's file in the night (a PDF, a file of no unit): check rejects it, on the same finding
				assertThat(verdict.getValue()).as(name).isEqualTo("REJECTED");
			}
			assertThat(checkFindings.getOrDefault(name, Set.of())).as(name)
				.isEqualTo(nightFindings.getOrDefault(name, Set.of()));
		}
		assertThat(checkFindings.values().stream().mapToInt(Set::size).sum()).as("a corpus with findings").isPositive();
	}

	static String key(String rule, String severity, String line, String address) {
		return rule + "|" + severity + "|" + line + "|" + address;
	}

}

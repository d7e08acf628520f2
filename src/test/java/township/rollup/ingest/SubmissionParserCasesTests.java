package township.rollup.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import township.rollup.rules.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture of {@code fixtures/ingest/cases.csv} read end to end: the exact multiset of rule ids, and
 * of {@code rule@cell@line} addresses ({@code -} where the finding has no cell or no line).
 */
class SubmissionParserCasesTests {

	private static final Path FIXTURES = Path.of("src/test/resources/fixtures/ingest");

	private static List<String> split(String list) {
		if (list == null || list.isBlank()) {
			return List.of();
		}
		return Arrays.stream(list.split(";")).map(String::strip).toList();
	}

	private static String address(Finding f) {
		String cell = f.where().cellCode();
		Integer line = f.where().line();
		return f.ruleId() + "@" + (cell == null ? "-" : cell) + "@" + (line == null ? "-" : line);
	}

	@ParameterizedTest(name = "{0}: [{1}] {3}")
	@CsvFileSource(resources = "/fixtures/ingest/cases.csv", numLinesToSkip = 1, encoding = "UTF-8")
	void eachFixtureGivesExactlyItsFindings(String fixture, String expectedRuleIds, String expectedAddresses,
			String comment) {
		// given
		List<String> ruleIds = split(expectedRuleIds);
		List<String> addresses = split(expectedAddresses);

		// when
		SubmissionParser.Result result = IngestFixtures.parse(fixture);

		// then
		List<Finding> findings = result.findings();
		assertThat(findings).as(fixture + " rule ids").extracting(Finding::ruleId)
			.containsExactlyInAnyOrderElementsOf(ruleIds);
		if (!addresses.isEmpty()) {
			assertThat(findings).as(fixture + " cells and lines").extracting(SubmissionParserCasesTests::address)
				.containsExactlyInAnyOrderElementsOf(addresses);
		}
		if (ruleIds.isEmpty()) {
			assertThat(findings).as(fixture + " is clean").isEmpty();
			assertThat(result.submission()).as(fixture + " is read").isPresent();
		}
		for (Finding f : findings) {
			assertThat(f.where().fileName()).isEqualTo(fixture);
			assertThat(f.messageZh()).as(f.ruleId() + " zh message").isNotBlank().doesNotContain("{{");
			assertThat(f.messageEn()).as(f.ruleId() + " en message").isNotBlank().doesNotContain("{{");
		}
	}

	@Test
	void everyFixtureIsIndexedInCasesCsvAndEveryIndexedFixtureExists() throws IOException {
		// given
		List<String> indexed = Files.readAllLines(FIXTURES.resolve("cases.csv"), StandardCharsets.UTF_8)
			.stream()
			.skip(1)
			.filter(l -> !l.isBlank())
			.map(l -> l.substring(0, l.indexOf(',')))
			.toList();

		// when
		List<String> files;
		try (Stream<Path> list = Files.list(FIXTURES)) {
			files = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.csv")).toList();
		}

		// then
		assertThat(indexed).doesNotHaveDuplicates();
		assertThat(indexed).containsExactlyInAnyOrderElementsOf(files);
	}

}

package township.rollup.rules;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule files are compiled when the catalogue loads: a rule that cannot run is a configuration error naming
 * the file, the line of the rule's id and the rule, before any file is assessed.
 */
class RuleFileTests {

	private static final String EMPTY = "{ \"rules\": [] }";

	/** A 2021 rule file whose one rule's id is on line 4; {@code %s} are the kind and the extra lines. */
	private static final String ONE_RULE = """
			{
			  "rules": [
			    {
			      "id": "T3-ROW",
			      "scope": "表内",
			      "kind": "%s",
			      "severity": "ERROR",
			      "title": { "zh": "表三", "en": "Table 3" },
			      "message": { "zh": "不平", "en": "off" },
			      "forEach": { "column": "columns:t3" },
			      %s
			    }
			  ]
			}
			""";

	private static RuleCatalogue load(String rules2021) {
		Map<String, String> files = Map.of("rules/common.json", EMPTY, "rules/2019.json", EMPTY, "rules/2021.json",
				rules2021);
		return RuleCatalogue.load(name -> files.containsKey(name) ? files.get(name).getBytes(StandardCharsets.UTF_8)
				: null);
	}

	@Test
	void aWellFormedRuleCompiles() {
		// when
		RuleCatalogue catalogue = load(ONE_RULE.formatted("BALANCE",
				"\"left\": [\"T3.r1.{column}\", \"T3.r2.{column}\"], \"right\": [\"T3.r3_7.{column}\", \"T3.r4.{column}\"]"));

		// then: seven columns of Table 3
		assertThat(catalogue.compiled("2021")).singleElement().satisfies(rule -> {
			assertThat(rule.bindings()).hasSize(7);
			assertThat(rule.bindings().get(1).left()).containsExactly(new Term("T3.r1.com", 1), new Term("T3.r2.com", 1));
		});
	}

	@Test
	void anUnknownKindNamesTheFileLineAndRule() {
		assertThatThrownBy(() -> load(ONE_RULE.formatted("BALANSE", "\"left\": [\"T3.r1.{column}\"]")))
			.isInstanceOf(RuleFileException.class)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("rules/2021.json line 4: rule T3-ROW: unknown kind 'BALANSE'");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = {
			"a cell the format does not have | \"left\": [\"T3.r1.{column}\", \"T3.r99.{column}\"], \"right\": [\"T3.r4.{column}\"] | term T3.r99.np (for {column=np}) is not a cell of format 2021",
			"an unknown set | \"left\": [\"@nothing.{column}\"], \"right\": [\"T3.r4.{column}\"] | unknown set @nothing in term @nothing.{column}",
			"an unbound variable | \"left\": [\"T3.r1.{col}\"], \"right\": [\"T3.r4.{column}\"] | unbound variable in term T3.r1.{col}",
			"an empty side | \"left\": [], \"right\": [\"T3.r4.{column}\"] | 'left' names no cell for {column=np}",
			"a misspelt key | \"left\": [\"T3.r1.{column}\"], \"rigth\": [\"T3.r4.{column}\"] | a rule of kind BALANCE has no key 'rigth'",
			"an unknown op | \"left\": [\"T3.r1.{column}\"], \"right\": [\"T3.r4.{column}\"], \"op\": \"=<\" | unknown op '=<' (=, <= or >=)",
			"a bad anchor | \"left\": [\"T3.r1.{column}\"], \"right\": [\"T3.r4.{column}\"], \"anchor\": \"top\" | anchor must be left or right, not 'top'" })
	void aBadTermOrKeyNamesTheFileLineAndRule(String name, String lines, String problem) {
		assertThatThrownBy(() -> load(ONE_RULE.formatted("BALANCE", lines.strip())))
			.isInstanceOf(RuleFileException.class)
			.hasMessage("rules/2021.json line 4: rule T3-ROW: " + problem.strip());
	}

	@Test
	void aParameterOfTheWrongTypeNamesTheRule() {
		// given: JUMP's ratio must be a number
		String jump = ONE_RULE.replace("\"forEach\": { \"column\": \"columns:t3\" },", "")
			.formatted("JUMP", "\"cells\": [\"T3.r1.np\"], \"ratio\": \"five\", \"minBase\": \"10\"");

		// when / then
		assertThatThrownBy(() -> load(jump)).isInstanceOf(RuleFileException.class)
			.hasMessage("rules/2021.json line 4: rule T3-ROW: ratio must be a number, not 'five'");
	}

	@Test
	void aBrokenRuleIsWordedInChineseThenEnglishFromTheCatalogue() {
		String jump = ONE_RULE.replace("\"forEach\": { \"column\": \"columns:t3\" },", "")
			.formatted("JUMP", "\"cells\": [\"T3.r1.np\"], \"ratio\": \"five\", \"minBase\": \"10\"");

		RuleFileException broken = org.assertj.core.api.Assertions.catchThrowableOfType(RuleFileException.class,
				() -> load(jump));

		assertThat(township.rollup.i18n.Text.bilingual(broken))
			.isEqualTo("rules/2021.json 第 4 行：规则 T3-ROW：ratio 必须是数字，不能是“five”"
					+ " / rules/2021.json line 4: rule T3-ROW: ratio must be a number, not 'five'");
	}

	@Test
	void brokenJsonNamesTheFileAndLine() {
		// given: the comma after "scope" is missing, on line 5
		String broken = ONE_RULE.formatted("BALANCE", "\"left\": [\"T3.r1.{column}\"]")
			.replace("\"scope\": \"表内\",", "\"scope\": \"表内\"");

		// when / then
		assertThatThrownBy(() -> load(broken)).isInstanceOf(RuleFileException.class)
			.hasMessageStartingWith("rules/2021.json line 6: ");
	}

	@Test
	void aRuleOfReadingMustBeBuiltin() {
		// given
		Map<String, String> files = Map.of("rules/common.json", ONE_RULE.formatted("BALANCE", "\"left\": []"),
				"rules/2019.json", EMPTY, "rules/2021.json", EMPTY);

		// when / then
		assertThatThrownBy(() -> RuleCatalogue.load(n -> files.get(n).getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(RuleFileException.class)
			.hasMessageStartingWith("rules/common.json line 4: rule T3-ROW: ");
	}

}

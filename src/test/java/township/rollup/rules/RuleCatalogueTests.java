package township.rollup.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Integrity of the rule catalogue: unique ids, messages that render, a stable fingerprint. */
class RuleCatalogueTests {

	/** What FindingFactory always supplies from the address and the values. */
	private static final Set<String> ADDRESS_ARGS = Set.of("file", "line", "table", "tableEn", "row", "rowCode",
			"column", "columnCode", "cell", "expected", "actual", "delta", "absDelta");

	private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/&]?)\\s*([^}\\s]+)\\s*}}");

	private final RuleCatalogue catalogue = RuleCatalogue.standard();

	@Test
	void idsAreUniqueWithinEachRuleFile() {
		// given
		List<String> common = catalogue.all().stream().filter(r -> r.formats().isEmpty()).map(RuleDef::id).toList();

		// when / then
		assertThat(common).isNotEmpty().doesNotHaveDuplicates();
		for (String format : ReportFormats.standard().ids()) {
			List<String> ids = catalogue.formatRules(format).stream().map(RuleDef::id).toList();
			assertThat(ids).as("rules/%s.json", format).isNotEmpty().doesNotHaveDuplicates();
			assertThat(ids).as("rules/%s.json reuses a common id", format).doesNotContainAnyElementsOf(common);
			assertThat(catalogue.formatRules(format)).allSatisfy(r -> assertThat(r.formats()).containsExactly(format));
		}
	}

	@Test
	void theIdentitiesOfReportFormatSection6AreInBothFormats() {
		// when / then
		for (String format : List.of("2019", "2021")) {
			assertThat(catalogue.formatRules(format)).extracting(RuleDef::id)
				.contains("T3-ROW", "T3-TOT", "T3-COLSUM", "T4-SUM", "X-CARRY");
			assertThat(catalogue.rule("T3-ROW", format).severity()).isEqualTo(Severity.ERROR);
			assertThat(catalogue.rule("T3-ROW", format).kind()).isEqualTo(RuleKind.BALANCE);
		}
		assertThat(catalogue.formatRules("2019")).extracting(RuleDef::id).contains("T2-PUB-LE-TOTAL", "X-ITEMS");
		assertThat(catalogue.formatRules("2021")).extracting(RuleDef::id).contains("T2-INFORCE", "X-INFORCE");
		assertThat(catalogue.rule("CELL-BLANK").kind()).isEqualTo(RuleKind.BUILTIN);
		assertThat(catalogue.find("NO-SUCH-RULE")).isEmpty();
	}

	static Stream<Arguments> rules() {
		List<Arguments> all = new ArrayList<>();
		for (RuleDef rule : RuleCatalogue.standard().all()) {
			String where = rule.formats().isEmpty() ? "common" : rule.formats().get(0);
			all.add(Arguments.of(where, rule.id(), rule));
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("rules")
	void bothMessagesRenderWithTheArgumentsTheirRuleIsGiven(String file, String id, RuleDef rule) {
		// given
		FindingFactory factory = new FindingFactory(catalogue, RuleOverrides.none());
		Where where = Where.file("410381101000_城关镇_2020.csv")
			.atLine(12)
			.row("T3", "表三", "T3.r1", "一、本年新收政府信息公开申请数量")
			.column("np", "自然人");
		Map<String, Object> extra = new HashMap<>();
		if (rule.kind() == RuleKind.BUILTIN) {
			// ingest rules: the reader supplies whatever the template names
			extra.putAll(argumentsFor(rule.messageZh()));
			extra.putAll(argumentsFor(rule.messageEn()));
		}
		else if (rule.scope() == Scope.CROSS_YEAR) {
			// the engine adds last year (and the ratio of a JUMP) to cross-year findings, nothing else
			extra.put("previousYear", 2019);
			if (rule.kind() == RuleKind.JUMP) {
				extra.put("ratio", "5");
			}
		}
		else if (rule.kind() == RuleKind.NARRATIVE) {
			// the engine adds the figure stated, the table's value, the figure's line and the kind of file
			extra.put("stated", new BigDecimal("17"));
			extra.put("tableValue", new BigDecimal("95"));
			extra.put("statedLine", 58);
			extra.put("workbook", true);
			extra.put("level", false);
		}

		// when
		Optional<Finding> finding = factory.create(rule, where, new BigDecimal("5"), new BigDecimal("4"), extra);

		// then
		assertThat(finding).hasValueSatisfying(f -> {
			assertThat(f.messageZh()).isNotBlank().doesNotContain("{{", "}}");
			assertThat(f.messageEn()).isNotBlank().doesNotContain("{{", "}}");
			assertThat(f.delta()).isEqualByComparingTo("-1");
		});
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("rules")
	void crossYearRulesHaveNotAssessableMessagesThatRender(String file, String id, RuleDef rule) {
		// given
		FindingFactory factory = new FindingFactory(catalogue, RuleOverrides.none());
		boolean crossYear = rule.scope() == Scope.CROSS_YEAR;

		// when / then
		if (crossYear) {
			assertThat(factory.notAssessable(rule, Where.file("a.csv"), 2019)).hasValueSatisfying(f -> {
				assertThat(f.severity()).isEqualTo(Severity.INFO);
				assertThat(f.messageZh()).contains("2019").doesNotContain("{{");
				assertThat(f.messageEn()).contains("2019").doesNotContain("{{");
			});
		}
		else if (rule.kind() == RuleKind.NARRATIVE) {
			// a consolidation that only some units stated the figure for: how many of how many
			Map<String, Object> counted = Map.of("counted", true, "statedCount", 3, "reports", 5, "stated",
					new BigDecimal("40"), "tableValue", new BigDecimal("61"));
			assertThat(factory.notAssessable(rule, Where.file("a.csv"), counted)).hasValueSatisfying(f -> {
				assertThat(f.severity()).isEqualTo(Severity.INFO);
				assertThat(f.messageZh()).contains("40 件只来自汇总的 5 份报表中的 3 份", " 61 件").doesNotContain("{{");
				assertThat(f.messageEn()).contains("40, was stated by 3 of the 5 reports", "the 61 in").doesNotContain("{{");
			});
			// a unit's own consolidated file: nobody can tell how many stated it
			Map<String, Object> unknown = Map.of("counted", false, "statedCount", 0, "reports", -1, "stated",
					new BigDecimal("40"), "tableValue", new BigDecimal("61"));
			assertThat(factory.notAssessable(rule, Where.file("a.csv"), unknown)).hasValueSatisfying(f -> {
				assertThat(f.messageZh()).contains("无法得知下级单位中有几个写明了这个数字").doesNotContain("-1", "{{");
				assertThat(f.messageEn()).contains("not how many of the units below stated").doesNotContain("-1", "{{");
			});
		}
		else {
			assertThat(rule.mapParam("notAssessable")).isEmpty();
		}
	}

	@Test
	void aPlaceholderThatIsNotSuppliedFailsLoudly() {
		// given: proves that the rendering test above would catch an incomplete argument set
		RuleDef broken = new RuleDef("TEST-MISSING", Scope.FILE, RuleKind.BUILTIN, Severity.ERROR, "t", "t",
				"缺少 {{nope}}", "missing {{nope}}", Map.of(), List.of());
		FindingFactory factory = new FindingFactory(catalogue, RuleOverrides.none());

		// when / then
		assertThatCode(() -> factory.create(broken, Where.file("a.csv"), null, null, Map.of()))
			.isInstanceOf(RuntimeException.class);
		assertThatCode(() -> factory.create(broken, Where.file("a.csv"), null, null, Map.of("nope", "x")))
			.doesNotThrowAnyException();
	}

	@Test
	void theFingerprintIsA64HexSha256AndStable() {
		// when
		String first = RuleCatalogue.standard().fingerprint();
		String second = RuleCatalogue.standard().fingerprint();

		// then
		assertThat(first).matches("[0-9a-f]{64}");
		assertThat(second).isEqualTo(first);
	}

	/** A value for every placeholder of a template: true for sections, a marker text for variables. */
	private static Map<String, Object> argumentsFor(String template) {
		Map<String, Object> args = new LinkedHashMap<>();
		Matcher m = TAG.matcher(template);
		while (m.find()) {
			String kind = m.group(1);
			String name = m.group(2);
			if (ADDRESS_ARGS.contains(name)) {
				continue;
			}
			if (kind.equals("#") || kind.equals("^")) {
				args.put(name, Boolean.TRUE);
			}
			else if (!kind.equals("/")) {
				args.putIfAbsent(name, "〈" + name + "〉");
			}
		}
		return args;
	}

}

package township.rollup.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.RuleCatalogue;
import township.rollup.rules.RuleDef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule the engine evaluates names only cells of its own format, once its forEach variables and
 * {@code @sets} are expanded the way the engine expands them.
 */
class RuleTermsTests {

	private static final String PREV = "prev:";

	static Stream<Arguments> formatRules() {
		List<Arguments> all = new ArrayList<>();
		for (String format : ReportFormats.standard().ids()) {
			for (RuleDef rule : RuleCatalogue.standard().formatRules(format)) {
				all.add(Arguments.of(format, rule.id(), rule));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("formatRules")
	void everyTermOfTheRuleIsACellOfItsFormat(String formatId, String ruleId, RuleDef rule) {
		// given
		ReportFormat format = ReportFormats.standard().get(formatId);
		TermExpander expander = new TermExpander(format, RuleCatalogue.standard().sets(formatId));

		// when
		List<String> cells = new ArrayList<>();
		List<Map<String, String>> bindings = expander.bindings(rule);
		for (Map<String, String> binding : bindings) {
			for (String side : List.of("left", "right", "cells")) {
				for (Term term : expander.expand(rule.listParam(side), binding, rule)) {
					String code = term.cellCode();
					cells.add(code.startsWith(PREV) ? code.substring(PREV.length()) : code);
				}
			}
		}

		// then
		assertThat(bindings).isNotEmpty();
		assertThat(cells).as("cells named by %s in format %s", ruleId, formatId).isNotEmpty();
		assertThat(cells).allSatisfy(code -> assertThat(format.cell(code)).as("%s names %s", ruleId, code).isPresent());
		if (rule.kind().equals("BALANCE") || rule.kind().equals("COINCIDE")) {
			for (Map<String, String> binding : bindings) {
				assertThat(expander.expand(rule.listParam("left"), binding, rule)).as("%s left", ruleId).isNotEmpty();
				assertThat(expander.expand(rule.listParam("right"), binding, rule)).as("%s right", ruleId).isNotEmpty();
			}
		}
	}

	@Test
	void theOutcomeSetOfEachFormatIsEveryOutcomeRowWrittenOutByHand() {
		// given
		List<String> common = List.of("T3.r3_1", "T3.r3_2", "T3.r3_3_1", "T3.r3_3_2", "T3.r3_3_3", "T3.r3_3_4",
				"T3.r3_3_5", "T3.r3_3_6", "T3.r3_3_7", "T3.r3_3_8", "T3.r3_4_1", "T3.r3_4_2", "T3.r3_4_3", "T3.r3_5_1",
				"T3.r3_5_2", "T3.r3_5_3", "T3.r3_5_4", "T3.r3_5_5");

		// when
		List<String> in2019 = RuleCatalogue.standard().sets("2019").get("outcomes");
		List<String> in2021 = RuleCatalogue.standard().sets("2021").get("outcomes");

		// then
		List<String> expected2019 = new ArrayList<>(common);
		expected2019.add("T3.r3_6");
		List<String> expected2021 = new ArrayList<>(common);
		expected2021.addAll(List.of("T3.r3_6_1", "T3.r3_6_2", "T3.r3_6_3"));
		assertThat(in2019).containsExactlyElementsOf(expected2019);
		assertThat(in2021).containsExactlyElementsOf(expected2021);
	}

	@Test
	void theTable3RowIdentityExpandsToTheFourCellsOfEachColumn() {
		// given
		ReportFormat format = ReportFormats.standard().get("2021");
		TermExpander expander = new TermExpander(format, RuleCatalogue.standard().sets("2021"));
		RuleDef rule = RuleCatalogue.standard().rule("T3-ROW", "2021");

		// when
		List<Map<String, String>> bindings = expander.bindings(rule);
		List<Term> right = expander.expand(rule.listParam("right"), bindings.get(0), rule);

		// then
		assertThat(bindings).extracting(b -> b.get("column")).containsExactly("np", "com", "sci", "npo", "law", "oth", "tot");
		assertThat(expander.expand(rule.listParam("left"), bindings.get(0), rule)).containsExactly(new Term("T3.r1.np", 1),
				new Term("T3.r2.np", 1));
		assertThat(right).containsExactly(new Term("T3.r3_7.np", 1), new Term("T3.r4.np", 1));
	}

}

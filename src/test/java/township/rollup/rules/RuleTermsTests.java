package township.rollup.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import township.rollup.reportformat.ReportFormat;
import township.rollup.reportformat.ReportFormats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule the engine evaluates names only cells of its own format, once its forEach variables and
 * {@code @sets} are expanded as the catalogue compiles them.
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

		// when
		CompiledRule compiled = RuleCatalogue.standard()
			.compiled(formatId)
			.stream()
			.filter(r -> r.id().equals(ruleId))
			.findFirst()
			.orElseThrow();
		List<String> cells = new ArrayList<>();
		for (CompiledRule.Binding binding : compiled.bindings()) {
			for (List<Term> side : List.of(binding.left(), binding.right(), binding.cells())) {
				for (Term term : side) {
					String code = term.cellCode();
					cells.add(code.startsWith(PREV) ? code.substring(PREV.length()) : code);
				}
			}
		}

		// then
		assertThat(compiled.def()).isEqualTo(rule);
		assertThat(compiled.bindings()).isNotEmpty();
		assertThat(cells).as("cells named by %s in format %s", ruleId, formatId).isNotEmpty();
		// a NARRATIVE rule's left side is a 总体情况 figure of the format, not a cell
		assertThat(cells).allSatisfy(code -> assertThat(format.cell(code).isPresent()
				|| rule.kind() == RuleKind.NARRATIVE && format.narrativeMetric(code).isPresent())
			.as("%s names %s", ruleId, code)
			.isTrue());
		if (rule.kind() == RuleKind.BALANCE || rule.kind() == RuleKind.COINCIDE) {
			for (CompiledRule.Binding binding : compiled.bindings()) {
				assertThat(binding.left()).as("%s left", ruleId).isNotEmpty();
				assertThat(binding.right()).as("%s right", ruleId).isNotEmpty();
			}
		}
	}

	@Test
	void everyRuleOfAFormatIsCompiledInFileOrder() {
		for (String format : ReportFormats.standard().ids()) {
			assertThat(RuleCatalogue.standard().compiled(format)).extracting(CompiledRule::def)
				.containsExactlyElementsOf(RuleCatalogue.standard().formatRules(format));
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
		// when
		CompiledRule rule = RuleCatalogue.standard()
			.compiled("2021")
			.stream()
			.filter(r -> r.id().equals("T3-ROW"))
			.findFirst()
			.orElseThrow();

		// then: one binding per column of Table 3, in the template's order
		assertThat(rule.bindings()).hasSize(7);
		assertThat(rule.bindings().get(0).left()).containsExactly(new Term("T3.r1.np", 1), new Term("T3.r2.np", 1));
		assertThat(rule.bindings().get(0).right()).containsExactly(new Term("T3.r3_7.np", 1), new Term("T3.r4.np", 1));
		assertThat(rule.bindings().get(6).left()).containsExactly(new Term("T3.r1.tot", 1), new Term("T3.r2.tot", 1));
		assertThat(rule.op()).isEqualTo(CompiledRule.Op.EQUAL);
		assertThat(rule.crossYear()).isFalse();
	}

}

package township.rollup.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md is generated from the catalogue; this fails when someone changed one and not the other. */
class RuleReferenceDocumentTests {

	@Test
	void theCommittedRuleReferenceMatchesTheCatalogue() throws IOException {
		// given
		String committed = Files.readString(Path.of("docs/rules.md"), StandardCharsets.UTF_8);

		// when
		String generated = RuleReference.render(RuleCatalogue.standard());

		// then
		assertThat(committed).as("docs/rules.md is stale: regenerate it with  jobs/rollup rules > docs/rules.md")
			.isEqualTo(generated);
	}

	@Test
	void everyRuleOfTheCatalogueHasItsSection() {
		String generated = RuleReference.render(RuleCatalogue.standard());
		for (RuleDef rule : RuleCatalogue.standard().all()) {
			assertThat(generated).contains("\n## " + rule.id() + "\n").contains(rule.messageZh().replace("|", "\\|"));
		}
	}

}
